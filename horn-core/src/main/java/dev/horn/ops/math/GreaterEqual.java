package dev.horn.ops.math;

import dev.horn.ops.CompareOp;

/** a >= b element-wise, broadcasting; false where either is NaN. */
public final class GreaterEqual extends CompareOp {
    public GreaterEqual() {
        super("greater_equal");
    }

    @Override
    protected boolean test(double a, double b) {
        return a >= b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a >= b;
    }
}
