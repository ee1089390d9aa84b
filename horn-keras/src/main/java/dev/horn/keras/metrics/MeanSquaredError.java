package dev.horn.keras.metrics;

/** The running mean of Keras' {@code mean_squared_error} per sample ({@code "mse"} in {@code compile}). */
public final class MeanSquaredError extends MeanMetricWrapper {
    public MeanSquaredError() {
        this("mean_squared_error");
    }

    public MeanSquaredError(String name) {
        super(name, new dev.horn.keras.losses.MeanSquaredError()::perSample);
    }
}
