package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

/** Maximum over axes; an empty reduction gives the dtype's lowest value (-inf for floats). */
public final class ReduceMax extends ReduceOp {
    public ReduceMax(int[] axes, boolean keepDims) {
        super("reduce_max", axes, keepDims);
    }

    @Override
    protected double identity() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    protected double combine(double acc, double x) {
        return Math.max(acc, x);
    }

    @Override
    protected long combineLong(long acc, long x) {
        return Math.max(acc, x);
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MAX;
    }

    /** To the elements equal to the maximum, split evenly among ties (as TensorFlow). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {extremumGradient(in[0], out[0], g[0])};
    }
}
