package dev.horn.ops.math;

/** a or b element-wise on bool tensors, broadcasting. */
public final class LogicalOr extends BoolBinaryOp {
    public LogicalOr() {
        super("logical_or");
    }

    @Override
    protected boolean test(boolean a, boolean b) {
        return a || b;
    }
}
