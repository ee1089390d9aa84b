package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** -x. */
public final class Neg extends UnaryOp {
    public Neg() {
        super("neg");
    }

    @Override
    protected double apply(double x) {
        return -x;
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.neg();
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return -x;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.neg(g[0])};
    }
}
