package dev.horn.keras.losses;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Keras' {@code mean_squared_error} ({@code mse}): {@code mean(square(yPred - yTrue), -1)}. */
public final class MeanSquaredError extends Loss {
    public MeanSquaredError() {
        super("mean_squared_error");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        return tf.reduceMean(tf.squaredDifference(yPred, y), -1);
    }
}
