package dev.horn.ops.math;

import dev.horn.ops.BinaryOp;

/**
 * floor(a / b), broadcasting (tf.math.floordiv): rounds toward negative infinity, so -7 // 2 = -4.
 * Integer division by zero fails. Not differentiable (TensorFlow gives it no gradient).
 */
public final class FloorDiv extends BinaryOp {
    public FloorDiv() {
        super("floor_div");
    }

    @Override
    protected double apply(double a, double b) {
        return Math.floor(a / b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("floor_div: integer division by zero");
        }
        return Math.floorDiv(a, b);
    }
}
