package dev.horn.keras.internal;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.graph.Graph;
import dev.horn.graph.Output;
import dev.horn.ops.Op;
import dev.horn.ops.math.Sigmoid;
import dev.horn.ops.nn.Softmax;

/**
 * The logits behind a softmax or sigmoid output, as tf.keras finds them ({@code
 * output._keras_logits}, or an output produced by a Softmax or Sigmoid op), so that the
 * crossentropy of such a layer is computed from its logits in one stable step instead of from
 * clipped probabilities. Only a traced tensor (the compiled train and test steps) knows what
 * produced it; for an eager one, as for Keras' eager tensors, there are none.
 */
public final class KerasLogits {
    private KerasLogits() {}

    /** The input of the softmax along {@code axis} that produced {@code probabilities}, or null. */
    public static Tensor ofSoftmax(Tensor probabilities, int axis) {
        Op op = producer(probabilities);
        if (op instanceof Softmax softmax) {
            int rank = probabilities.rank();
            if (Shape.normalizeAxis(softmax.axis(), rank) == Shape.normalizeAxis(axis, rank)) {
                return input(probabilities);
            }
        }
        return null;
    }

    /** The input of the sigmoid that produced {@code probabilities}, or null. */
    public static Tensor ofSigmoid(Tensor probabilities) {
        return producer(probabilities) instanceof Sigmoid ? input(probabilities) : null;
    }

    private static Op producer(Tensor t) {
        return t.producer() instanceof Output out ? out.node().op() : null;
    }

    private static Tensor input(Tensor t) {
        return Graph.symbolic(((Output) t.producer()).node().inputs().get(0));
    }
}
