package dev.horn.keras.losses;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Keras' {@code mean_absolute_error} ({@code mae}): {@code mean(abs(yPred - yTrue), -1)}. */
public final class MeanAbsoluteError extends Loss {
    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        return tf.reduceMean(tf.abs(yPred.sub(y)), -1);
    }
}
