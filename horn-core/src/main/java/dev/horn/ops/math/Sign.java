package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;

import static dev.horn.Tf.tf;

/** -1, 0 or 1 by the sign of x (NaN stays NaN). */
public final class Sign extends UnaryOp {
    public Sign() {
        super("sign");
    }

    @Override
    protected double apply(double x) {
        return Math.signum(x);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return Long.signum(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.zerosLike(in[0])}; // piecewise constant
    }
}
