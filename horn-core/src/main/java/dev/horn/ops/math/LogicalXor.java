package dev.horn.ops.math;

/** a xor b element-wise on bool tensors, broadcasting. */
public final class LogicalXor extends BoolBinaryOp {
    public LogicalXor() {
        super("logical_xor");
    }

    @Override
    protected boolean test(boolean a, boolean b) {
        return a != b;
    }
}
