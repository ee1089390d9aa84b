package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code InverseTimeDecay}: {@code initial_learning_rate / (1 + decay_rate * step / decay_steps)},
 * the quotient floored when {@code staircase}.
 */
public final class InverseTimeDecay extends KerasSchedule {
    private final double initialLearningRate;
    private final double decaySteps;
    private final double decayRate;
    private final boolean staircase;

    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase) {
        super("InverseTimeDecay");
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = positive("InverseTimeDecay", "decay_steps", decaySteps);
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor p = tf.div(step(step), f(decaySteps));
        if (staircase) {
            p = floor(p);
        }
        return tf.div(f(initialLearningRate), tf.add(f(1), tf.mul(f(decayRate), p)));
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        c.put("name", "InverseTimeDecay");
        return c;
    }
}
