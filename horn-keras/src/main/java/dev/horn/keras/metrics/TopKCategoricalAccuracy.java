package dev.horn.keras.metrics;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * How often the labelled class (argmax of one-hot labels) is among the k highest predictions:
 * Keras' {@code top_k_categorical_accuracy}, k = 5 by default.
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public TopKCategoricalAccuracy() {
        this("top_k_categorical_accuracy", 5);
    }

    public TopKCategoricalAccuracy(String name, int k) {
        super(name, (t, p) -> matches(t, p, k));
        this.k = SparseTopKCategoricalAccuracy.checkK(name, k);
    }

    /** The same metric with another k (fresh state). */
    public TopKCategoricalAccuracy k(int value) {
        return new TopKCategoricalAccuracy(name(), value);
    }

    public int k() {
        return k;
    }

    public static Tensor matches(Tensor yTrue, Tensor yPred, int k) {
        LossUtils.checkSameShape("top_k_categorical_accuracy", yTrue, yPred,
                "use sparse_top_k_categorical_accuracy for integer labels");
        return SparseTopKCategoricalAccuracy.matches(tf.argmax(yTrue, -1), yPred, k);
    }
}
