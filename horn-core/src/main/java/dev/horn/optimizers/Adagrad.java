package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.Map;

import static dev.horn.Tf.tf;

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
        DType dt = w.dtype();
        Variable accumulatorSlot = slotFor(w, "accumulator", initialAccumulatorValue);
        Tensor accumulator = tf.add(accumulatorSlot.read(), tf.square(g));
        accumulatorSlot.assign(accumulator);
        w.assignSub(tf.div(tf.mul(lr, g), tf.sqrt(tf.add(accumulator, Tensor.scalar(dt, epsilon)))));
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("epsilon", epsilon);
    }
}
