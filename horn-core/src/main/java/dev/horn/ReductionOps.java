package dev.horn;

import dev.horn.ops.reduce.ReduceMean;
import dev.horn.ops.reduce.ReduceSum;

/**
 * Reductions over axes (sum, mean, max, min, prod, variance, std, argmax, argmin, logsumexp)
 * and cumulative sums. No axes means all axes; negative axes count from the end. Part of
 * {@link Tf}.
 */
public interface ReductionOps {
    default Tensor reduceSum(Tensor x, int... axes) { return new ReduceSum(axes, false).apply(x); }
    default Tensor reduceSum(Tensor x, int[] axes, boolean keepDims) { return new ReduceSum(axes, keepDims).apply(x); }
    default Tensor reduceMean(Tensor x, int... axes) { return new ReduceMean(axes, false).apply(x); }
    default Tensor reduceMean(Tensor x, int[] axes, boolean keepDims) { return new ReduceMean(axes, keepDims).apply(x); }
}
