package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

/** Minimum over axes (+inf for an empty reduction). */
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
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MIN;
    }

    /** The gradient goes to the elements equal to the result, shared evenly among ties (as TensorFlow). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {gradientToExtremes(in[0], out[0], g[0])};
    }
}
