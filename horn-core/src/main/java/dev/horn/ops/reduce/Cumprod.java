package dev.horn.ops.reduce;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Cumulative product along an axis ({@code tf.math.cumprod}). */
public final class Cumprod extends CumulativeOp {
    public Cumprod(int axis, boolean exclusive, boolean reverse) {
        super("cumprod", axis, exclusive, reverse);
    }

    @Override
    protected double identity() {
        return 1;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc * x;
    }

    @Override
    protected long combineLong(long acc, long x) {
        return acc * x;
    }

    /**
     * TensorFlow's rule: cumsum of (cumprod * g) from the other side, divided by x. It divides
     * by x, so it is undefined where x is zero; {@link ReduceProd}'s gradient, which must handle
     * zeros, uses only the forward cumprod.
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor prod = tf.cumprod(in[0], axis, exclusive, reverse);
        Tensor summed = tf.cumsum(tf.mul(prod, g[0]), axis, exclusive, !reverse);
        return new Tensor[] {tf.div(summed, in[0])};
    }
}
