package dev.horn.optimizers;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyAdagrad;
import java.util.Map;

/**
 * Adagrad, as Keras' {@code Adagrad} (learning_rate=0.001, initial_accumulator_value=0.1,
 * epsilon=1e-7):
 * <pre>
 * accumulator += g^2                   (starts at initial_accumulator_value)
 * w -= lr * g / tf.sqrt(accumulator + epsilon)
 * </pre>
 */
public final class Adagrad extends FluentOptimizer<Adagrad> {
    private double initialAccumulatorValue = 0.1;
    private double epsilon = 1e-7;

    public Adagrad() {
        super(0.001);
    }

    public double initialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /** The accumulator's start; only affects slots created after it is set. */
    public Adagrad initialAccumulatorValue(double value) {
        this.initialAccumulatorValue = Arguments.nonNegative(kind(), "initial_accumulator_value", value);
        return this;
    }

    public double epsilon() {
        return epsilon;
    }

    public Adagrad epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return this;
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        // one fused pass; the same arithmetic as the composed ops of the class comment
        new ApplyAdagrad(w, slotFor(w, "accumulator", initialAccumulatorValue), epsilon).applyAll(g, lr);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("epsilon", epsilon);
    }
}
