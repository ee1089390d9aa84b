package dev.horn;

import dev.horn.ops.reduce.ArgMax;
import dev.horn.ops.reduce.ArgMin;
import dev.horn.ops.reduce.Cumprod;
import dev.horn.ops.reduce.Cumsum;
import dev.horn.ops.reduce.LogSumExp;
import dev.horn.ops.reduce.ReduceAll;
import dev.horn.ops.reduce.ReduceAny;
import dev.horn.ops.reduce.ReduceMax;
import dev.horn.ops.reduce.ReduceMean;
import dev.horn.ops.reduce.ReduceMin;
import dev.horn.ops.reduce.ReduceProd;
import dev.horn.ops.reduce.ReduceSum;
import dev.horn.ops.sort.Argsort;
import dev.horn.ops.sort.Sort;
import dev.horn.ops.sort.SortDirection;
import dev.horn.ops.sort.TopK;

/**
 * Reductions over axes (sum, mean, max, min, prod, variance, std, argmax, argmin, logsumexp,
 * all, any), cumulative sums and products, and sorting (sort, argsort, top_k). No axes means all
 * axes; negative axes count from the end. Part of {@link Tf}.
 */
public interface ReductionOps {
    default Tensor reduceSum(Tensor x, int... axes) { return new ReduceSum(axes, false).apply(x); }
    default Tensor reduceSum(Tensor x, int[] axes, boolean keepDims) { return new ReduceSum(axes, keepDims).apply(x); }
    default Tensor reduceMean(Tensor x, int... axes) { return new ReduceMean(axes, false).apply(x); }
    default Tensor reduceMean(Tensor x, int[] axes, boolean keepDims) { return new ReduceMean(axes, keepDims).apply(x); }
    default Tensor reduceMax(Tensor x, int... axes) { return new ReduceMax(axes, false).apply(x); }
    default Tensor reduceMax(Tensor x, int[] axes, boolean keepDims) { return new ReduceMax(axes, keepDims).apply(x); }
    default Tensor reduceMin(Tensor x, int... axes) { return new ReduceMin(axes, false).apply(x); }
    default Tensor reduceMin(Tensor x, int[] axes, boolean keepDims) { return new ReduceMin(axes, keepDims).apply(x); }
    default Tensor reduceProd(Tensor x, int... axes) { return new ReduceProd(axes, false).apply(x); }
    default Tensor reduceProd(Tensor x, int[] axes, boolean keepDims) { return new ReduceProd(axes, keepDims).apply(x); }
    default Tensor reduceAll(Tensor x, int... axes) { return new ReduceAll(axes, false).apply(x); }
    default Tensor reduceAll(Tensor x, int[] axes, boolean keepDims) { return new ReduceAll(axes, keepDims).apply(x); }
    default Tensor reduceAny(Tensor x, int... axes) { return new ReduceAny(axes, false).apply(x); }
    default Tensor reduceAny(Tensor x, int[] axes, boolean keepDims) { return new ReduceAny(axes, keepDims).apply(x); }

    /** Population variance, mean((x - mean(x))^2), as {@code tf.math.reduce_variance}. */
    default Tensor reduceVariance(Tensor x, int... axes) { return reduceVariance(x, axes, false); }
    default Tensor reduceVariance(Tensor x, int[] axes, boolean keepDims) {
        Tensor centered = x.sub(reduceMean(x, axes, true));
        return reduceMean(centered.mul(centered), axes, keepDims);
    }
    /** Population standard deviation, sqrt of {@link #reduceVariance}. */
    default Tensor reduceStd(Tensor x, int... axes) { return reduceStd(x, axes, false); }
    default Tensor reduceStd(Tensor x, int[] axes, boolean keepDims) { return reduceVariance(x, axes, keepDims).pow(0.5); }
    /** log(sum(exp(x))) over axes, computed stably as max + log(sum(exp(x - max))). */
    default Tensor reduceLogsumexp(Tensor x, int... axes) { return LogSumExp.of(x, axes, false); }
    default Tensor reduceLogsumexp(Tensor x, int[] axes, boolean keepDims) { return LogSumExp.of(x, axes, keepDims); }

    /** Index of the largest element along {@code axis}, int64; first index on ties. */
    default Tensor argmax(Tensor x, int axis) { return new ArgMax(axis, DType.INT64).apply(x); }
    default Tensor argmax(Tensor x, int axis, DType outputType) { return new ArgMax(axis, outputType).apply(x); }
    /** Index of the smallest element along {@code axis}, int64; first index on ties. */
    default Tensor argmin(Tensor x, int axis) { return new ArgMin(axis, DType.INT64).apply(x); }
    default Tensor argmin(Tensor x, int axis, DType outputType) { return new ArgMin(axis, outputType).apply(x); }

    default Tensor cumsum(Tensor x, int axis) { return new Cumsum(axis, false, false).apply(x); }
    default Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) { return new Cumsum(axis, exclusive, reverse).apply(x); }
    default Tensor cumprod(Tensor x, int axis) { return new Cumprod(axis, false, false).apply(x); }
    default Tensor cumprod(Tensor x, int axis, boolean exclusive, boolean reverse) { return new Cumprod(axis, exclusive, reverse).apply(x); }

    /** Sorted along the last axis, ascending. */
    default Tensor sort(Tensor x) { return new Sort(-1, SortDirection.ASCENDING).apply(x); }
    default Tensor sort(Tensor x, int axis, SortDirection direction) { return new Sort(axis, direction).apply(x); }
    /** The indices (int32) that sort x along the last axis, ascending; stable. */
    default Tensor argsort(Tensor x) { return new Argsort(-1, SortDirection.ASCENDING).apply(x); }
    default Tensor argsort(Tensor x, int axis, SortDirection direction) { return new Argsort(axis, direction).apply(x); }
    /** The k largest entries along the last axis: {values, indices (int32)}, largest first. */
    default Tensor[] topK(Tensor x, int k) { return new TopK(k, true).applyAll(x); }
    default Tensor[] topK(Tensor x, int k, boolean sorted) { return new TopK(k, sorted).applyAll(x); }
}
