package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** Square root; NaN below zero. */
public final class Sqrt extends UnaryOp {
    public Sqrt() {
        super("sqrt");
    }

    @Override
    protected double apply(double x) {
        return Math.sqrt(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.sqrt();
    }

    /** d sqrt(x) = 1 / (2 sqrt(x)): reuse the output. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.div(g[0], tf.mul(out[0], Tensor.scalar(out[0].dtype(), 2)))};
    }
}
