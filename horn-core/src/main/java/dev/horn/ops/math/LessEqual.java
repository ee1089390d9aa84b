package dev.horn.ops.math;

import dev.horn.ops.CompareOp;
import jdk.incubator.vector.VectorOperators;

/** a <= b element-wise, broadcasting; false where either is NaN. */
public final class LessEqual extends CompareOp {
    public LessEqual() {
        super("less_equal", VectorOperators.LE);
    }

    @Override
    protected boolean test(double a, double b) {
        return a <= b;
    }

    @Override
    protected boolean test(long a, long b) {
        return a <= b;
    }
}
