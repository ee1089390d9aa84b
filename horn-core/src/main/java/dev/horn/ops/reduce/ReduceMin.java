package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

/** Minimum over axes; an empty reduction gives the dtype's highest value (+inf for floats). */
public final class ReduceMin extends ReduceOp {
    public ReduceMin(int[] axes, boolean keepDims) {
        super("reduce_min", axes, keepDims);
    }

    @Override
    protected double identity() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    protected double combine(double acc, double x) {
        return Math.min(acc, x);
    }

    @Override
    protected long combineLong(long acc, long x) {
        return Math.min(acc, x);
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MIN;
    }

    /** To the elements equal to the minimum, split evenly among ties (as TensorFlow). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {extremumGradient(in[0], out[0], g[0])};
    }
}
