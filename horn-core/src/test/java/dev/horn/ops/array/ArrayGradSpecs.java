package dev.horn.ops.array;

import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for shape and movement ops. */
public final class ArrayGradSpecs {
    private ArrayGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(Reshape.class, "reshape with -1", x -> tf.reshape(x[0], 3, -1), new int[] {2, 3, 2}),
                of(Transpose.class, "transpose 3-d", x -> tf.transpose(x[0], 2, 0, 1), new int[] {2, 3, 4}),
                of(BroadcastTo.class, "broadcast_to", x -> tf.broadcastTo(x[0], 2, 3, 4), new int[] {3, 1})
        );
    }
}
