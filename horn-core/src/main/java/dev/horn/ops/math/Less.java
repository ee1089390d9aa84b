package dev.horn.ops.math;

import dev.horn.ops.CompareOp;
import jdk.incubator.vector.VectorOperators;

/** a < b element-wise, broadcasting; false where either is NaN. */
public final class Less extends CompareOp {
    public Less() {
        super("less", VectorOperators.LT);
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
