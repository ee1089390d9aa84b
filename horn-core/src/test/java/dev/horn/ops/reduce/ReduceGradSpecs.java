package dev.horn.ops.reduce;

import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for the reductions and cumulative ops. */
public final class ReduceGradSpecs {
    private static final Tensor ZERO_AT_1_1 = Tensor.of(new double[] {1, 1, 1, 1, 0, 1}, 2, 3);

    private ReduceGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(ReduceSum.class, "sum all", x -> tf.reduceSum(x[0]), new int[] {2, 3}),
                of(ReduceSum.class, "sum axis 0 and 2 keepdims", x -> tf.reduceSum(x[0], new int[] {0, 2}, true), new int[] {2, 3, 4}),
                of(ReduceMean.class, "mean last axis", x -> tf.reduceMean(x[0], -1), new int[] {3, 4}),
                of(ReduceMax.class, "max all", x -> tf.reduceMax(x[0]), new int[] {2, 3}),
                of(ReduceMax.class, "max axes 0 and 2 keepdims", x -> tf.reduceMax(x[0], new int[] {0, 2}, true), new int[] {2, 3, 4}),
                of(ReduceMin.class, "min axis -1", x -> tf.reduceMin(x[0], -1), new int[] {3, 4}),
                of(ReduceMin.class, "min axes 1 and 2", x -> tf.reduceMin(x[0], 1, 2), new int[] {2, 3, 2}),
                of(ReduceProd.class, "prod all", x -> tf.reduceProd(x[0]), new int[] {2, 3}).range(0.5, 1.5),
                of(ReduceProd.class, "prod axes 0 and 2 keepdims", x -> tf.reduceProd(x[0], new int[] {0, 2}, true), new int[] {2, 3, 2})
                        .range(0.5, 1.5).withSecondOrder(),
                of(ReduceProd.class, "prod axis 1 across a zero (no division by x)",
                        x -> tf.reduceProd(tf.mul(x[0], ZERO_AT_1_1), 1), new int[] {2, 3}).range(-1.5, 1.5),
                of(ReduceProd.class, "prod axis 1", x -> tf.reduceProd(x[0], 1), new int[] {3, 4}).range(0.5, 1.5),
                of(ReduceMean.class, "variance axis 0 (composition)", x -> tf.reduceVariance(x[0], 0), new int[] {4, 3}).withSecondOrder(),
                of(ReduceMean.class, "std axes 0 and 2 keepdims (composition)",
                        x -> tf.reduceStd(x[0], new int[] {0, 2}, true), new int[] {2, 3, 3}),
                of(ReduceSum.class, "logsumexp axis -1 (composition)", x -> tf.reduceLogsumexp(x[0], -1), new int[] {3, 5}).withSecondOrder(),
                of(ReduceSum.class, "logsumexp all keepdims (composition)",
                        x -> tf.reduceLogsumexp(x[0], new int[] {}, true), new int[] {2, 3}),
                of(Cumsum.class, "cumsum axis 1", x -> tf.cumsum(x[0], 1), new int[] {2, 4, 3}).withSecondOrder(),
                of(Cumsum.class, "cumsum exclusive reverse axis 0", x -> tf.cumsum(x[0], 0, true, true), new int[] {4, 3}),
                of(Cumprod.class, "cumprod axis -1", x -> tf.cumprod(x[0], -1), new int[] {3, 4}).range(0.5, 2),
                of(Cumprod.class, "cumprod exclusive reverse axis 0", x -> tf.cumprod(x[0], 0, true, true), new int[] {4, 2})
                        .range(0.5, 2).withSecondOrder()
        );
    }
}
