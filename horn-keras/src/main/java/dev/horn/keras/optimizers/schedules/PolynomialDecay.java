package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code PolynomialDecay}: {@code (initial - end) * (1 - step / decay_steps) ^ power + end},
 * the step held at {@code decay_steps} after it, or with {@code cycle} the decay stretched to the
 * next multiple of {@code decay_steps}.
 */
public final class PolynomialDecay extends KerasSchedule {
    private final double initialLearningRate;
    private final double decaySteps;
    private final double endLearningRate;
    private final double power;
    private final boolean cycle;

    public PolynomialDecay(double initialLearningRate, double decaySteps, double endLearningRate, double power,
                           boolean cycle) {
        super("PolynomialDecay");
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = positive("PolynomialDecay", "decay_steps", decaySteps);
        this.endLearningRate = endLearningRate;
        this.power = power;
        this.cycle = cycle;
    }

    /** Keras' defaults: end_learning_rate 0.0001, power 1, no cycle. */
    public PolynomialDecay(double initialLearningRate, double decaySteps) {
        this(initialLearningRate, decaySteps, 0.0001, 1.0, false);
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor s = step(step);
        Tensor steps = f(decaySteps);
        if (cycle) {
            // ceil(step / decay_steps), at least 1 so that step 0 starts the first cycle
            Tensor multiplier = tf.neg(floor(tf.neg(tf.div(s, steps))));
            multiplier = tf.where(tf.equal(s, f(0)), f(1), multiplier);
            steps = tf.mul(steps, multiplier);
        } else {
            s = tf.minimum(s, steps);
        }
        Tensor fraction = tf.sub(f(1), tf.div(s, steps));
        return tf.add(tf.mul(f(initialLearningRate - endLearningRate), tf.pow(fraction, f(power))), f(endLearningRate));
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("end_learning_rate", endLearningRate);
        c.put("power", power);
        c.put("cycle", cycle);
        c.put("name", "PolynomialDecay");
        return c;
    }
}
