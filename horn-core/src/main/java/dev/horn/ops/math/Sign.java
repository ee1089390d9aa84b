package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** -1, 0 or 1 by the sign of x; zeros and NaN stay themselves. Integers too. */
public final class Sign extends UnaryOp {
    public Sign() {
        super("sign");
    }

    @Override
    protected double apply(double x) {
        return Math.signum(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.blend(1f, x.compare(VectorOperators.GT, 0f)).blend(-1f, x.lt(0f));
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return Long.signum(x);
    }

    /** Piecewise constant: the gradient is zero, as TensorFlow's. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.zerosLike(in[0])};
    }
}
