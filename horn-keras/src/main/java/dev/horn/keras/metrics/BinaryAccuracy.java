package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * How often 0/1 labels equal predictions thresholded at {@code threshold} (prediction &gt;
 * threshold counts as 1): Keras' {@code BinaryAccuracy}, which since Keras 2.11 counts element
 * by element ({@code binary_matches}), so rank-1 labels and predictions are samples too.
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
    private final double threshold;

    /** Keras' default threshold, 0.5. */
    public BinaryAccuracy() {
        this("binary_accuracy", 0.5);
    }

    public BinaryAccuracy(String name, double threshold) {
        super(name, (t, p) -> matches(t, p, threshold));
        this.threshold = threshold;
    }

    /** The same metric with another threshold (fresh state). */
    public BinaryAccuracy threshold(double value) {
        return new BinaryAccuracy(name(), value);
    }

    public double threshold() {
        return threshold;
    }

    /** yTrue == (yPred &gt; threshold), element-wise, as 1 or 0. */
    public static Tensor matches(Tensor yTrue, Tensor yPred, double threshold) {
        Tensor predicted = tf.cast(tf.greater(yPred, Tensor.scalar(yPred.dtype(), threshold)), yPred.dtype());
        return tf.cast(tf.equal(tf.cast(yTrue, yPred.dtype()), predicted), DType.FLOAT32);
    }
}
