package dev.horn.ops.math;

/** a OR b element-wise on bool tensors, broadcasting. */
public final class LogicalOr extends LogicalBinary {
    public LogicalOr() {
        super("logical_or");
    }

    @Override
    boolean test(boolean a, boolean b) {
        return a || b;
    }
}
