package dev.horn.ops.math;

import dev.horn.ops.CompareOp;

/** a != b element-wise (NaN differs from everything, itself included). */
public final class NotEqual extends CompareOp {
    public NotEqual() {
        super("not_equal");
    }

    @Override
    protected boolean test(double a, double b) {
        return a != b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a != b;
    }
}
