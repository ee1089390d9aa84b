package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * What ExponentialDecay and InverseTimeDecay share: their four arguments and the decay progress
 * {@code p = step / decay_steps}, floored when {@code staircase}; each applies its own formula to p.
 */
abstract class StepDecay extends KerasSchedule {
    final double initialLearningRate;
    final double decaySteps;
    final double decayRate;
    final boolean staircase;

    StepDecay(String name, double initialLearningRate, double decaySteps, double decayRate, boolean staircase) {
        super(name);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = positive(name, "decay_steps", decaySteps);
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    /** The rate for decay progress p. */
    abstract Tensor rate(Tensor p);

    @Override
    public final Tensor apply(Tensor step) {
        Tensor p = tf.div(step(step), f(decaySteps));
        return rate(staircase ? floor(p) : p);
    }

    @Override
    protected final Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        c.put("name", name());
        return c;
    }
}
