package dev.horn.keras.metrics;

/** The running mean of Keras' {@code mean_absolute_error} per sample ({@code "mae"} in {@code compile}). */
public final class MeanAbsoluteError extends MeanMetricWrapper {
    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    public MeanAbsoluteError(String name) {
        super(name, new dev.horn.keras.losses.MeanAbsoluteError()::perSample);
    }
}
