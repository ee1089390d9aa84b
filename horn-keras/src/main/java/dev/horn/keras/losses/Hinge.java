package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code hinge}: {@code mean(max(1 - yTrue yPred, 0), -1)} for labels -1/1; labels that
 * are all 0 or 1 are first mapped to -1/1, as Keras does.
 */
public final class Hinge extends Loss {
    public Hinge() {
        super("hinge");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        return tf.reduceMean(margin(yTrue, yPred), -1);
    }

    /** max(1 - y yPred, 0) with y in -1/1. */
    static Tensor margin(Tensor yTrue, Tensor yPred) {
        Tensor y = signedLabels(tf.cast(yTrue, yPred.dtype()));
        return tf.maximum(tf.sub(LossUtils.scalar(y, 1), y.mul(yPred)), LossUtils.scalar(y, 0));
    }

    /** Keras' {@code _maybe_convert_labels}: 2y - 1 when every label is 0 or 1, else y unchanged. */
    static Tensor signedLabels(Tensor y) {
        Tensor isBinary = tf.reduceAll(tf.logicalOr(tf.equal(y, LossUtils.scalar(y, 0)), tf.equal(y, LossUtils.scalar(y, 1))));
        return tf.where(isBinary, y.mul(2.0).sub(1.0), y);
    }
}
