package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** 1 / sqrt(x). */
public final class Rsqrt extends UnaryOp {
    public Rsqrt() {
        super("rsqrt");
    }

    @Override
    protected double apply(double x) {
        return 1 / Math.sqrt(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.broadcast(1f).div(x.sqrt());
    }

    /** d x^(-1/2) = -x^(-3/2) / 2 = -out^3 / 2. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor y = out[0];
        Tensor cube = tf.mul(y, tf.mul(y, y));
        return new Tensor[] {tf.mul(g[0], tf.mul(cube, Tensor.scalar(y.dtype(), -0.5)))};
    }
}
