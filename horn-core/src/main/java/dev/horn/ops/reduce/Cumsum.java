package dev.horn.ops.reduce;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Cumulative sum along an axis ({@code tf.math.cumsum}). */
public final class Cumsum extends CumulativeOp {
    public Cumsum(int axis, boolean exclusive, boolean reverse) {
        super("cumsum", axis, exclusive, reverse);
    }

    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc + x;
    }

    @Override
    protected long combineLong(long acc, long x) {
        return acc + x;
    }

    /** Each output summed the inputs on one side of it: the gradient sums from the other side. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.cumsum(g[0], axis, exclusive, !reverse)};
    }
}
