package dev.horn.keras.metrics;

import dev.horn.Tensor;

/** The weighted sum of the values given to {@link #update}, as Keras' {@code Sum}. */
public class Sum extends Reduce {
    public Sum() {
        this("sum");
    }

    public Sum(String name) {
        super(name, false);
    }

    /** A sum has no labels and predictions: use {@link #update}. */
    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        throw new UnsupportedOperationException(name() + ": a Sum adds up values; call update(values, sampleWeight)");
    }
}
