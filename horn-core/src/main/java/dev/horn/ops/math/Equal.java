package dev.horn.ops.math;

import dev.horn.ops.CompareOp;

/** a == b element-wise (NaN equals nothing). */
public final class Equal extends CompareOp {
    public Equal() {
        super("equal");
    }

    @Override
    protected boolean test(double a, double b) {
        return a == b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a == b;
    }
}
