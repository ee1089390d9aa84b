package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/** Keras' {@code categorical_hinge}: {@code max(max((1 - yTrue) yPred) - sum(yTrue yPred) + 1, 0)} over the last axis, for one-hot labels. */
public final class CategoricalHinge extends Loss {
    public CategoricalHinge() {
        super("categorical_hinge");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        Tensor positive = tf.reduceSum(y.mul(yPred), -1);
        Tensor negative = tf.reduceMax(tf.sub(LossUtils.scalar(y, 1), y).mul(yPred), -1);
        return tf.maximum(negative.sub(positive).add(1.0), LossUtils.scalar(y, 0));
    }
}
