package dev.horn.ops.reduce;

import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for the reductions. */
public final class ReduceGradSpecs {
    private ReduceGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(ReduceSum.class, "sum all", x -> tf.reduceSum(x[0]), new int[] {2, 3}),
                of(ReduceSum.class, "sum axis 0 and 2 keepdims", x -> tf.reduceSum(x[0], new int[] {0, 2}, true), new int[] {2, 3, 4}),
                of(ReduceMean.class, "mean last axis", x -> tf.reduceMean(x[0], -1), new int[] {3, 4}),
                of(ReduceMean.class, "variance over axes 0 and 2", x -> tf.reduceVariance(x[0], 0, 2), new int[] {2, 3, 4}),
                of(ReduceMean.class, "std keepdims", x -> tf.reduceStd(x[0], new int[] {1}, true), new int[] {3, 4}),
                of(ReduceMax.class, "max axis 1", x -> tf.reduceMax(x[0], 1), new int[] {3, 4}),
                of(ReduceMax.class, "max all keepdims", x -> tf.reduceMax(x[0], new int[0], true), new int[] {2, 3}),
                of(ReduceMin.class, "min non-adjacent axes 0 and 2", x -> tf.reduceMin(x[0], 0, 2), new int[] {2, 3, 4}),
                of(ReduceProd.class, "prod axis 0", x -> tf.reduceProd(x[0], 0), new int[] {3, 4}).range(0.5, 1.5),
                of(ReduceMax.class, "logsumexp axis 1", x -> tf.reduceLogSumExp(x[0], 1), new int[] {3, 4}),
                of(CumSum.class, "cumsum axis 1", x -> tf.cumsum(x[0], 1), new int[] {3, 4}),
                of(CumSum.class, "cumsum exclusive reverse", x -> tf.cumsum(x[0], 0, true, true), new int[] {4, 2})
        );
    }
}
