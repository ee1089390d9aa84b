package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;
import java.util.Objects;
import java.util.function.BinaryOperator;

import static dev.horn.Tf.tf;

/**
 * The running weighted mean of a per-sample function of (yTrue, yPred), as Keras'
 * {@code MeanMetricWrapper}: the base of accuracy, mse and every metric given as a function.
 * Labels and predictions are cast to float32 and a trailing size-1 axis dropped from whichever
 * has one more axis, as Keras does before calling the function.
 * {@snippet :
 * Metric maxError = new MeanMetricWrapper("max_error", (t, p) -> tf.reduceMax(tf.abs(tf.sub(p, t)), -1));
 * }
 */
public class MeanMetricWrapper extends Mean {
    private final BinaryOperator<Tensor> fn;

    public MeanMetricWrapper(String name, BinaryOperator<Tensor> fn) {
        super(Objects.requireNonNull(name, "name"));
        this.fn = Objects.requireNonNull(fn, "fn");
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor[] aligned = LossUtils.alignLabels(tf.cast(yTrue, DType.FLOAT32), tf.cast(yPred, DType.FLOAT32));
        update(fn.apply(aligned[0], aligned[1]), sampleWeight);
    }

    /** The per-sample function. */
    public BinaryOperator<Tensor> fn() {
        return fn;
    }
}
