package dev.horn.ops.math;

/** a XOR b element-wise on bool tensors, broadcasting. */
public final class LogicalXor extends LogicalBinary {
    public LogicalXor() {
        super("logical_xor");
    }

    @Override
    boolean test(boolean a, boolean b) {
        return a != b;
    }
}
