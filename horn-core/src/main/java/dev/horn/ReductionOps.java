package dev.horn;

import dev.horn.ops.reduce.*;

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
    default Tensor reduceMax(Tensor x, int... axes) { return new ReduceMax(axes, false).apply(x); }
    default Tensor reduceMax(Tensor x, int[] axes, boolean keepDims) { return new ReduceMax(axes, keepDims).apply(x); }
    default Tensor reduceMin(Tensor x, int... axes) { return new ReduceMin(axes, false).apply(x); }
    default Tensor reduceMin(Tensor x, int[] axes, boolean keepDims) { return new ReduceMin(axes, keepDims).apply(x); }
    default Tensor reduceProd(Tensor x, int... axes) { return new ReduceProd(axes, false).apply(x); }
    default Tensor reduceProd(Tensor x, int[] axes, boolean keepDims) { return new ReduceProd(axes, keepDims).apply(x); }

    /** Population variance, mean((x - mean(x))^2), as tf.math.reduce_variance. */
    default Tensor reduceVariance(Tensor x, int... axes) { return reduceVariance(x, axes, false); }
    default Tensor reduceVariance(Tensor x, int[] axes, boolean keepDims) {
        Tensor centred = Tf.tf.sub(x, reduceMean(x, axes, true));
        return reduceMean(Tf.tf.square(centred), axes, keepDims);
    }
    default Tensor reduceStd(Tensor x, int... axes) { return Tf.tf.sqrt(reduceVariance(x, axes, false)); }
    default Tensor reduceStd(Tensor x, int[] axes, boolean keepDims) { return Tf.tf.sqrt(reduceVariance(x, axes, keepDims)); }

    /** log(sum(exp(x))) over axes, stable: the max is taken out first. */
    default Tensor reduceLogSumExp(Tensor x, int... axes) { return reduceLogSumExp(x, axes, false); }
    default Tensor reduceLogSumExp(Tensor x, int[] axes, boolean keepDims) {
        Tensor max = reduceMax(x, axes, true);
        Tensor isFinite = Tf.tf.equal(Tf.tf.sub(max, max), Tf.tf.zerosLike(max)); // inf - inf and NaN are NaN
        Tensor finiteMax = Tf.tf.where(isFinite, max, Tf.tf.zerosLike(max));
        Tensor lse = Tf.tf.add(Tf.tf.log(reduceSum(Tf.tf.exp(Tf.tf.sub(x, finiteMax)), axes, true)), finiteMax);
        return keepDims ? lse : reduceSum(lse, axes.length == 0 ? allAxes(x.rank()) : axes, false);
    }

    /** Index of the largest element along an axis, int64. */
    default Tensor argmax(Tensor x, int axis) { return new ArgReduce(true, axis, DType.INT64).apply(x); }
    default Tensor argmax(Tensor x, int axis, DType outputType) { return new ArgReduce(true, axis, outputType).apply(x); }
    default Tensor argmin(Tensor x, int axis) { return new ArgReduce(false, axis, DType.INT64).apply(x); }
    default Tensor argmin(Tensor x, int axis, DType outputType) { return new ArgReduce(false, axis, outputType).apply(x); }

    default Tensor cumsum(Tensor x, int axis) { return new CumSum(axis, false, false).apply(x); }
    default Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) { return new CumSum(axis, exclusive, reverse).apply(x); }

    private static int[] allAxes(int rank) {
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) {
            a[i] = i;
        }
        return a;
    }
}
