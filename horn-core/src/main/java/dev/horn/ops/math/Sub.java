package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** a - b, broadcasting. */
public final class Sub extends BinaryOp {
    public Sub() {
        super("sub");
    }

    @Override
    protected double apply(double a, double b) {
        return a - b;
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        return a.sub(b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        return a - b;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {unbroadcast(g[0], in[0].shape()), unbroadcast(tf.neg(g[0]), in[1].shape())};
    }
}
