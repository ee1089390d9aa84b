package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code ExponentialDecay}: {@code initial_learning_rate * decay_rate ^ (step / decay_steps)},
 * the exponent floored when {@code staircase}.
 */
public final class ExponentialDecay extends KerasSchedule {
    private final double initialLearningRate;
    private final double decaySteps;
    private final double decayRate;
    private final boolean staircase;

    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase) {
        super("ExponentialDecay");
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = positive("ExponentialDecay", "decay_steps", decaySteps);
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor p = tf.div(step(step), f(decaySteps));
        if (staircase) {
            p = floor(p);
        }
        return tf.mul(f(initialLearningRate), tf.pow(f(decayRate), p));
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        c.put("name", "ExponentialDecay");
        return c;
    }
}
