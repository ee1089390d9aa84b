package dev.horn.ops.reduce;

import dev.horn.DType;

/** Index of the largest element along an axis ({@code tf.math.argmax}); first index on ties. */
public final class ArgMax extends ArgReduceOp {
    public ArgMax(int axis, DType outputType) {
        super("argmax", axis, outputType);
    }

    @Override
    protected boolean better(double candidate, double best) {
        return candidate > best;
    }

    @Override
    protected boolean betterLong(long candidate, long best) {
        return candidate > best;
    }
}
