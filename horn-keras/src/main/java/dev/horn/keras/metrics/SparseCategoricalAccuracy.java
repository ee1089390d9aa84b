package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * How often the predicted class (argmax of the predictions) equals an integer label:
 * Keras' {@code sparse_categorical_accuracy}. Labels of shape [batch] or [batch, 1].
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {
    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    public SparseCategoricalAccuracy(String name) {
        super(name, SparseCategoricalAccuracy::matches);
    }

    /** 1 where yTrue == argmax(yPred, -1), else 0; the label's trailing size-1 axis dropped. */
    public static Tensor matches(Tensor yTrue, Tensor yPred) {
        Tensor labels = squeezeLabels(yTrue, yPred);
        Tensor predicted = tf.cast(tf.argmax(yPred, -1), labels.dtype());
        return tf.cast(tf.equal(labels, predicted), DType.FLOAT32);
    }

    /** Labels with yPred's rank (a trailing size-1 axis) lose that axis. */
    static Tensor squeezeLabels(Tensor yTrue, Tensor yPred) {
        if (yTrue.rank() == yPred.rank() && yTrue.rank() > 0) {
            return tf.squeeze(yTrue, -1);
        }
        return yTrue;
    }
}
