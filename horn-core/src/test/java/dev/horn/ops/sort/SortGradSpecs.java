package dev.horn.ops.sort;

import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for sort, top_k and the along-axis gather/scatter pair. */
public final class SortGradSpecs {
    private SortGradSpecs() {}

    public static List<GradSpec> specs() {
        Tensor idx = Tensor.of(new int[] {2, 0, 0, 1, 1, 1}, 3, 2);
        return List.of(
                of(Sort.class, "sort last axis", x -> tf.sort(x[0]), new int[] {3, 5}).withSecondOrder(),
                of(Sort.class, "sort axis 0 descending", x -> tf.sort(x[0], 0, SortDirection.DESCENDING), new int[] {4, 3}),
                of(TopK.class, "top_k 2 of 5", x -> tf.topK(x[0], 2)[0], new int[] {3, 5}).withSecondOrder(),
                of(TopK.class, "top_k all of rank 3", x -> tf.topK(x[0], 4)[0], new int[] {2, 2, 4}),
                of(TakeAlongAxis.class, "take along axis 1 with repeats",
                        x -> new TakeAlongAxis(1).apply(x[0], idx), new int[] {3, 3}).withSecondOrder(),
                of(ScatterAddAlongAxis.class, "scatter-add along axis 1 with repeats",
                        x -> new ScatterAddAlongAxis(1, 3).apply(x[0], idx), new int[] {3, 2}).withSecondOrder()
        );
    }
}
