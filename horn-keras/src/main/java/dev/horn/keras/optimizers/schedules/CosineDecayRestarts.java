package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code CosineDecayRestarts} (SGDR): cosine decay over {@code first_decay_steps}, then
 * restarts, the i-th period {@code t_mul^i} times as long and {@code m_mul^i} times as high.
 */
public final class CosineDecayRestarts extends KerasSchedule {
    private final double initialLearningRate;
    private final double firstDecaySteps;
    private final double tMul;
    private final double mMul;
    private final double alpha;

    public CosineDecayRestarts(double initialLearningRate, double firstDecaySteps, double tMul, double mMul,
                               double alpha) {
        super("SGDRDecay");
        this.initialLearningRate = initialLearningRate;
        this.firstDecaySteps = positive("CosineDecayRestarts", "first_decay_steps", firstDecaySteps);
        this.tMul = tMul;
        this.mMul = mMul;
        this.alpha = alpha;
    }

    /** Keras' defaults: t_mul 2, m_mul 1, alpha 0. */
    public CosineDecayRestarts(double initialLearningRate, double firstDecaySteps) {
        this(initialLearningRate, firstDecaySteps, 2.0, 1.0, 0.0);
    }

    @Override
    public Tensor apply(Tensor step) {
        Tensor fraction = tf.div(step(step), f(firstDecaySteps));
        Tensor restart;
        if (tMul == 1.0) {
            restart = floor(fraction);
            fraction = tf.sub(fraction, restart);
        } else {
            restart = floor(tf.div(tf.log(tf.sub(f(1), tf.mul(fraction, f(1 - tMul)))), f(Math.log(tMul))));
            Tensor tPow = tf.pow(f(tMul), restart);
            Tensor sumR = tf.div(tf.sub(f(1), tPow), f(1 - tMul));
            fraction = tf.div(tf.sub(fraction, sumR), tPow);
        }
        Tensor mFac = tf.pow(f(mMul), restart);
        Tensor cosine = tf.mul(tf.mul(f(0.5), mFac), tf.add(f(1), tf.cos(tf.mul(f(Math.PI), fraction))));
        return tf.mul(f(initialLearningRate), tf.add(tf.mul(f(1 - alpha), cosine), f(alpha)));
    }

    @Override
    protected Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("first_decay_steps", firstDecaySteps);
        c.put("t_mul", tMul);
        c.put("m_mul", mMul);
        c.put("alpha", alpha);
        c.put("name", "SGDRDecay");
        return c;
    }
}
