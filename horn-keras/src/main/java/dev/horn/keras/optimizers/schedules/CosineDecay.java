package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code CosineDecay} with its optional linear warm-up: over {@code warmup_steps} the rate
 * rises from {@code initial_learning_rate} to {@code warmup_target}, then follows
 * {@code ((1 - alpha) * 0.5 * (1 + cos(pi * t / decay_steps)) + alpha) * peak} and stays at
 * {@code alpha * peak} after {@code decay_steps}.
 */
public final class CosineDecay extends KerasSchedule {
    private final double initialLearningRate;
    private final double decaySteps;
    private final double alpha;
    private final Double warmupTarget;
    private final double warmupSteps;

    public CosineDecay(double initialLearningRate, double decaySteps, double alpha, Double warmupTarget,
                       double warmupSteps) {
        super("CosineDecay");
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = positive("CosineDecay", "decay_steps", decaySteps);
        this.alpha = alpha;
        this.warmupTarget = warmupTarget;
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("CosineDecay: `warmup_steps` must be >= 0, got " + warmupSteps);
        }
        this.warmupSteps = warmupSteps;
    }

    public CosineDecay(double initialLearningRate, double decaySteps) {
        this(initialLearningRate, decaySteps, 0.0, null, 0);
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor s = step(step);
        if (warmupTarget == null) {
            return decay(tf.minimum(s, f(decaySteps)), initialLearningRate);
        }
        Tensor held = tf.minimum(s, f(decaySteps + warmupSteps));
        Tensor warm = tf.add(tf.mul(f(warmupTarget - initialLearningRate), tf.div(held, f(Math.max(warmupSteps, 1)))),
                f(initialLearningRate));
        Tensor decayed = decay(tf.sub(held, f(warmupSteps)), warmupTarget);
        return tf.where(tf.less(held, f(warmupSteps)), warm, decayed);
    }

    private Tensor decay(Tensor s, double peak) {
        Tensor fraction = tf.div(s, f(decaySteps));
        Tensor cosine = tf.mul(f(0.5), tf.add(f(1), tf.cos(tf.mul(f(Math.PI), fraction))));
        return tf.mul(tf.add(tf.mul(f(1 - alpha), cosine), f(alpha)), f(peak));
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("alpha", alpha);
        c.put("name", "CosineDecay");
        c.put("warmup_target", warmupTarget);
        c.put("warmup_steps", warmupSteps);
        return c;
    }
}
