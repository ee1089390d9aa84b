package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Hyperbolic tangent. */
public final class Tanh extends UnaryOp {
    public Tanh() {
        super("tanh");
    }

    @Override
    protected double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.lanewise(VectorOperators.TANH);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor one = Tensor.scalar(out[0].dtype(), 1);
        return new Tensor[] {tf.mul(g[0], tf.sub(one, tf.square(out[0])))};
    }
}
