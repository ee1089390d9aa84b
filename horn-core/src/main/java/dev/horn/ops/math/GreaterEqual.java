package dev.horn.ops.math;

import dev.horn.ops.CompareOp;
import jdk.incubator.vector.VectorOperators;

/** a >= b element-wise, broadcasting; false where either is NaN. */
public final class GreaterEqual extends CompareOp {
    public GreaterEqual() {
        super("greater_equal", VectorOperators.GE);
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
