package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/** Keras' {@code mean_absolute_percentage_error} ({@code mape}): {@code 100 mean(abs((yTrue - yPred) / max(abs(yTrue), 1e-7)), -1)}. */
public final class MeanAbsolutePercentageError extends Loss {
    public MeanAbsolutePercentageError() {
        super("mean_absolute_percentage_error");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        Tensor diff = tf.abs(y.sub(yPred).div(tf.maximum(tf.abs(y), LossUtils.scalar(y, LossUtils.EPSILON))));
        return tf.reduceMean(diff, -1).mul(100);
    }
}
