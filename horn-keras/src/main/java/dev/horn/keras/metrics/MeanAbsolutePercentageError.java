package dev.horn.keras.metrics;

/** The running mean of Keras' {@code mean_absolute_percentage_error} per sample ({@code "mape"} in {@code compile}). */
public final class MeanAbsolutePercentageError extends MeanMetricWrapper {
    public MeanAbsolutePercentageError() {
        this("mean_absolute_percentage_error");
    }

    public MeanAbsolutePercentageError(String name) {
        super(name, new dev.horn.keras.losses.MeanAbsolutePercentageError()::perSample);
    }
}
