package dev.horn.ops.math;

/** a AND b element-wise on bool tensors, broadcasting. */
public final class LogicalAnd extends LogicalBinary {
    public LogicalAnd() {
        super("logical_and");
    }

    @Override
    boolean test(boolean a, boolean b) {
        return a && b;
    }
}
