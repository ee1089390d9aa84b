package dev.horn.keras.internal;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.graph.Graph;
import dev.horn.graph.Output;
import dev.horn.ops.nn.Softmax;

/**
 * The logits behind a softmax output, as tf.keras finds them ({@code output._keras_logits}, or
 * an output produced by a Softmax op) so that categorical crossentropy of a softmax layer is
 * computed from its logits in one stable step instead of from clipped probabilities. Only a
 * traced tensor (the compiled train and test steps) knows what produced it; for an eager one,
 * as for Keras' eager tensors, there are none.
 */
public final class SoftmaxLogits {
    private SoftmaxLogits() {}

    /** The input of the softmax along {@code axis} that produced {@code probabilities}, or null. */
    public static Tensor of(Tensor probabilities, int axis) {
        if (probabilities.producer() instanceof Output out && out.node().op() instanceof Softmax softmax) {
            int rank = probabilities.rank();
            if (Shape.normalizeAxis(softmax.axis(), rank) == Shape.normalizeAxis(axis, rank)) {
                return Graph.symbolic(out.node().inputs().get(0));
            }
        }
        return null;
    }
}
