package dev.horn.ops.math;

import dev.horn.ops.CompareOp;
import jdk.incubator.vector.VectorOperators;

/** a > b element-wise. */
public final class Greater extends CompareOp {
    public Greater() {
        super("greater", VectorOperators.GT);
    }

    @Override
    protected boolean test(double a, double b) {
        return a > b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a > b;
    }
}
