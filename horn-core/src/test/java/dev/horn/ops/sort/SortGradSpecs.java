package dev.horn.ops.sort;

import dev.horn.ops.GradSpec;
import dev.horn.ops.array.Gather;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for sorting: sort and top-k differentiate through gather. */
public final class SortGradSpecs {
    private SortGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(Gather.class, "sort descending along axis 0", x -> tf.sort(x[0], 0, true), new int[] {4, 3}),
                of(Gather.class, "top_k values", x -> tf.topK(x[0], 2).values(), new int[] {3, 5})
        );
    }
}
