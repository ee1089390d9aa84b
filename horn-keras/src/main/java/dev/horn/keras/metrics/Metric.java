package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;

import static dev.horn.Tf.tf;

/**
 * A stateful metric, as Keras' {@code Metric}: its state lives in non-trainable variables that
 * {@link #updateState} changes with assign ops, so an update runs eagerly or inside the compiled
 * train step alike; {@link #result} reads the state; {@link #resetState} zeroes it (Keras resets
 * every metric at the start of each epoch and of each evaluation).
 * {@snippet :
 * Metric acc = new CategoricalAccuracy();       // or Metrics.get("categorical_accuracy")
 * acc.updateState(yTrue, yPred);
 * acc.result();                                 // the accuracy over every batch so far
 * acc.resetState();
 * Metric custom = Metric.of("max_error", (t, p) -> tf.reduceMax(tf.abs(tf.sub(p, t)), -1));
 * }
 */
public abstract class Metric {
    private final String name;
    private final List<Variable> weights = new ArrayList<>();

    protected Metric(String name) {
        this.name = name;
    }

    /** The name shown in the progress bar and History ({@code accuracy}, {@code auc}, ...). */
    public String name() {
        return name;
    }

    /** Adds a float32 state variable, zero-initialised. Call from the constructor, never while tracing. */
    protected Variable addWeight(String weightName, int... shape) {
        return addWeight(weightName, DType.FLOAT32, shape);
    }

    protected Variable addWeight(String weightName, DType dtype, int... shape) {
        Variable v = new Variable(tf.zeros(dtype, shape), name + "/" + weightName, false);
        weights.add(v);
        return v;
    }

    /** Accumulates a batch; {@code sampleWeight} may be null (all ones). */
    public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

    public void updateState(Tensor yTrue, Tensor yPred) {
        updateState(yTrue, yPred, null);
    }

    /** The metric's value over everything accumulated since the last reset. */
    public abstract Tensor result();

    /** Sets every state variable back to zero. */
    public void resetState() {
        for (Variable v : weights) {
            v.assign(tf.zeros(v.dtype(), v.shape().dims()));
        }
    }

    /** The state variables, in creation order. */
    public List<Variable> variables() {
        return Collections.unmodifiableList(weights);
    }

    /** The shape of one state variable, for subclasses that size their state lazily. */
    protected static Shape shapeOf(Variable v) {
        return v.shape();
    }

    /**
     * A custom metric from a per-sample function of (yTrue, yPred): its running weighted mean,
     * as passing a Python function to Keras' {@code compile(metrics = ...)}.
     */
    public static Metric of(String name, BinaryOperator<Tensor> perSample) {
        return new MeanMetricWrapper(name, perSample);
    }

    @Override
    public String toString() {
        return name;
    }
}
