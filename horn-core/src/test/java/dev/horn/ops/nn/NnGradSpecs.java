package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/** Gradient-check rows for the neural-network ops. */
public final class NnGradSpecs {
    private NnGradSpecs() {}

    public static List<GradSpec> specs() {
        return List.of(
                of(Softmax.class, "softmax last axis", x -> tf.softmax(x[0]), new int[] {3, 5}).withSecondOrder(),
                of(Softmax.class, "softmax axis 0 of rank 3", x -> tf.softmax(x[0], 0), new int[] {3, 2, 4}).withSecondOrder(),
                of(LogSoftmax.class, "log_softmax last axis", x -> tf.logSoftmax(x[0]), new int[] {3, 5}).withSecondOrder(),
                of(LogSoftmax.class, "log_softmax axis 1 of rank 3", x -> tf.logSoftmax(x[0], 1), new int[] {2, 4, 3}).withSecondOrder(),
                of(ReluGrad.class, "relu_grad of g, masked by a fixed y",
                        x -> new ReluGrad().apply(x[0], tf.cast(Tensor.of(new float[] {1, -1, 2, -2, 0.5f, 0}).reshape(2, 3), x[0].dtype())),
                        new int[] {2, 3}).withSecondOrder()
        );
    }
}
