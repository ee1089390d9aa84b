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
                of(ReduceMean.class, "mean last axis", x -> tf.reduceMean(x[0], -1), new int[] {3, 4})
        );
    }
}
