package dev.horn.keras.metrics;

import dev.horn.Tensor;

/**
 * The weighted mean of the values given to {@link #update}, as Keras' {@code Mean}:
 * {@code total / count}, 0 before any update.
 * {@snippet :
 * Mean m = new Mean();
 * m.update(Tensor.of(new float[] {1, 3, 5, 7}));    // m.result() is 4
 * }
 */
public class Mean extends Reduce {
    public Mean() {
        this("mean");
    }

    public Mean(String name) {
        super(name, true);
    }

    /**
     * A plain mean has no labels and predictions: use {@link #update}, or
     * {@link MeanMetricWrapper} to average a function of them.
     */
    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        throw new UnsupportedOperationException(name() + ": a Mean averages values; call update(values, sampleWeight), "
                + "or wrap a function of (yTrue, yPred) with MeanMetricWrapper or Metric.of");
    }
}
