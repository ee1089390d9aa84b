package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Sum over axes. */
public final class ReduceSum extends ReduceOp {
    public ReduceSum(int[] axes, boolean keepDims) {
        super("reduce_sum", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc + x;
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.ADD;
    }

    @Override
    protected long combineLong(long acc, long x) {
        return acc + x;
    }

    /** Each input element contributed once: broadcast the upstream gradient back. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {broadcastToInput(g[0], in[0])};
    }
}
