package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** a * b element-wise, broadcasting. */
public final class Mul extends BinaryOp {
    public Mul() {
        super("mul");
    }

    @Override
    protected double apply(double a, double b) {
        return a * b;
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        return a.mul(b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        return a * b;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {
            unbroadcast(tf.mul(g[0], in[1]), in[0].shape()),
            unbroadcast(tf.mul(g[0], in[0]), in[1].shape())
        };
    }
}
