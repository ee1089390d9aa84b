package dev.horn.ops.math;

import dev.horn.ops.CompareOp;

/** a < b element-wise, broadcasting; false where either is NaN. */
public final class Less extends CompareOp {
    public Less() {
        super("less");
    }

    @Override
    protected boolean test(double a, double b) {
        return a < b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a < b;
    }
}
