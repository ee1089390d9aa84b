package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
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
        return VectorMath.tanh(x);
    }

    /** d tanh(x) = 1 - tanh(x)^2: reuse the output. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor y = out[0];
        return new Tensor[] {tf.mul(g[0], tf.sub(Tensor.scalar(y.dtype(), 1), tf.square(y)))};
    }
}
