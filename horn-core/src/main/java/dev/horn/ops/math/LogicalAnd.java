package dev.horn.ops.math;

/** a and b element-wise on bool tensors, broadcasting. */
public final class LogicalAnd extends BoolBinaryOp {
    public LogicalAnd() {
        super("logical_and");
    }

    @Override
    protected boolean test(boolean a, boolean b) {
        return a && b;
    }
}
