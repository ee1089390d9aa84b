package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * {@code sqrt(mean((yPred - yTrue)^2))} over every element seen, as Keras'
 * {@code RootMeanSquaredError} (the square root of the running mean, not a mean of roots).
 */
public final class RootMeanSquaredError extends Mean {
    public RootMeanSquaredError() {
        this("root_mean_squared_error");
    }

    public RootMeanSquaredError(String name) {
        super(name);
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor[] aligned = LossUtils.alignLabels(tf.cast(yTrue, DType.FLOAT32), tf.cast(yPred, DType.FLOAT32));
        update(tf.squaredDifference(aligned[1], aligned[0]), sampleWeight);
    }

    @Override
    public Tensor result() {
        return tf.sqrt(super.result());
    }
}
