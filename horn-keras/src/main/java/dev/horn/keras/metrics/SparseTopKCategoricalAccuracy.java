package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * How often an integer label is among the k highest predictions: Keras'
 * {@code sparse_top_k_categorical_accuracy}, k = 5 by default. As {@code tf.math.in_top_k},
 * classes tied with the k-th highest prediction count as in the top k.
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public SparseTopKCategoricalAccuracy() {
        this("sparse_top_k_categorical_accuracy", 5);
    }

    public SparseTopKCategoricalAccuracy(String name, int k) {
        super(name, (t, p) -> matches(t, p, k));
        this.k = checkK(name, k);
    }

    /** The same metric with another k (fresh state). */
    public SparseTopKCategoricalAccuracy k(int value) {
        return new SparseTopKCategoricalAccuracy(name(), value);
    }

    public int k() {
        return k;
    }

    /**
     * 1 where fewer than k predictions are strictly greater than the labelled class's
     * prediction (tf.math.in_top_k), else 0.
     */
    public static Tensor matches(Tensor yTrue, Tensor yPred, int k) {
        Tensor labels = SparseCategoricalAccuracy.squeezeLabels(yTrue, yPred);
        int classes = yPred.shape().dim(yPred.rank() - 1);
        Tensor scores = yPred.rank() > 2 ? tf.reshape(yPred, -1, classes) : yPred;
        Tensor flatLabels = labels.rank() != 1 ? tf.reshape(labels, -1) : labels;
        Tensor target = tf.gather(scores, tf.cast(flatLabels, DType.INT32), 1, 1);
        Tensor higher = tf.reduceSum(tf.cast(tf.greater(scores, tf.expandDims(target, -1)), DType.FLOAT32), -1);
        Tensor matches = tf.cast(tf.less(higher, Tensor.scalar(DType.FLOAT32, k)), DType.FLOAT32);
        return yPred.rank() > 2 ? tf.reshape(matches, labels.shape().dims()) : matches;
    }

    static int checkK(String name, int k) {
        if (k < 1) {
            throw new IllegalArgumentException(name + ": k must be >= 1, got " + k);
        }
        return k;
    }
}
