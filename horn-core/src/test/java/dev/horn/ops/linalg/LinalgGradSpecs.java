package dev.horn.ops.linalg;

import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for matmul, every transpose combination and batch broadcasting, and the dense layer's fused matmul with bias. */
public final class LinalgGradSpecs {
    private LinalgGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(MatMul.class, "matmul", x -> tf.matmul(x[0], x[1]), new int[] {3, 4}, new int[] {4, 5}).withSecondOrder(),
                of(MatMul.class, "matmul transpose_a", x -> tf.matmul(x[0], x[1], true, false), new int[] {4, 3}, new int[] {4, 5}),
                of(MatMul.class, "matmul transpose_b", x -> tf.matmul(x[0], x[1], false, true), new int[] {3, 4}, new int[] {5, 4}),
                of(MatMul.class, "matmul both transposed", x -> tf.matmul(x[0], x[1], true, true), new int[] {4, 3}, new int[] {5, 4}),
                of(MatMul.class, "batched matmul, broadcast rhs", x -> tf.matmul(x[0], x[1]), new int[] {2, 3, 4}, new int[] {4, 2}).withSecondOrder(),
                of(MatMulBias.class, "matmul with bias", x -> tf.matmulWithBias(x[0], x[1], x[2], false),
                        new int[] {3, 4}, new int[] {4, 5}, new int[] {5}).withSecondOrder(),
                of(MatMulBias.class, "matmul with bias and relu", x -> tf.matmulWithBias(x[0], x[1], x[2], true),
                        new int[] {3, 4}, new int[] {4, 5}, new int[] {5})
        );
    }
}
