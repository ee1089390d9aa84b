package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * How often predictions equal labels exactly, as Keras' {@code Accuracy}. (The string
 * {@code "accuracy"} in {@code compile} means binary, categorical or sparse categorical accuracy
 * instead, chosen by {@link Metrics#get(String, dev.horn.keras.losses.Loss, dev.horn.Shape)}.)
 */
public final class Accuracy extends MeanMetricWrapper {
    public Accuracy() {
        this("accuracy");
    }

    public Accuracy(String name) {
        super(name, Accuracy::matches);
    }

    /** 1 where yPred equals yTrue, else 0 (element-wise, float32). */
    public static Tensor matches(Tensor yTrue, Tensor yPred) {
        LossUtils.checkSameShape("accuracy", yTrue, yPred, null);
        return tf.cast(tf.equal(yTrue, tf.cast(yPred, yTrue.dtype())), DType.FLOAT32);
    }
}
