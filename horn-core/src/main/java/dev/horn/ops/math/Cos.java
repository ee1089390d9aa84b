package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Cosine (radians). */
public final class Cos extends UnaryOp {
    public Cos() {
        super("cos");
    }

    @Override
    protected double apply(double x) {
        return Math.cos(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.lanewise(VectorOperators.COS);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.neg(tf.mul(g[0], tf.sin(in[0])))};
    }
}
