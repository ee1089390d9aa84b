package dev.horn.keras.metrics;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * How often the predicted class (argmax of the predictions) is the labelled class (argmax of
 * one-hot labels): Keras' {@code categorical_accuracy}. Ties go to the first index.
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {
    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    public CategoricalAccuracy(String name) {
        super(name, CategoricalAccuracy::matches);
    }

    /** 1 where argmax(yTrue, -1) == argmax(yPred, -1), else 0. */
    public static Tensor matches(Tensor yTrue, Tensor yPred) {
        LossUtils.checkSameShape("categorical_accuracy", yTrue, yPred,
                "use sparse_categorical_accuracy for integer labels");
        return SparseCategoricalAccuracy.matches(tf.argmax(yTrue, -1), yPred);
    }
}
