package dev.horn.ops.reduce;

import dev.horn.DType;

/** Index of the smallest element along an axis ({@code tf.math.argmin}); first index on ties. */
public final class ArgMin extends ArgReduceOp {
    public ArgMin(int axis, DType outputType) {
        super("argmin", axis, outputType);
    }

    @Override
    protected boolean better(double candidate, double best) {
        return candidate < best;
    }

    @Override
    protected boolean betterLong(long candidate, long best) {
        return candidate < best;
    }
}
