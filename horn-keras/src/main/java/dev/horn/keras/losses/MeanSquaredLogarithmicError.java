package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/** Keras' {@code mean_squared_logarithmic_error} ({@code msle}): {@code mean(square(log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1)), -1)}. */
public final class MeanSquaredLogarithmicError extends Loss {
    public MeanSquaredLogarithmicError() {
        super("mean_squared_logarithmic_error");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        Tensor eps = LossUtils.scalar(y, LossUtils.EPSILON);
        Tensor first = tf.log1p(tf.maximum(yPred, eps));
        Tensor second = tf.log1p(tf.maximum(y, eps));
        return tf.reduceMean(tf.squaredDifference(first, second), -1);
    }
}
