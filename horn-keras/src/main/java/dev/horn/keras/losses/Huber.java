package dev.horn.keras.losses;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Huber} loss ({@code huber}): with e = yPred - yTrue, {@code e^2 / 2} where
 * {@code |e| <= delta} and {@code delta |e| - delta^2 / 2} beyond, averaged over the last axis.
 */
public final class Huber extends Loss {
    private final double delta;

    /** Keras' default delta, 1.0. */
    public Huber() {
        this(1.0);
    }

    public Huber(double delta) {
        super("huber_loss");
        if (!(delta >= 0)) {
            throw new IllegalArgumentException("huber_loss: delta must be >= 0, got " + delta);
        }
        this.delta = delta;
    }

    /** Where the loss turns from quadratic to linear. */
    public Huber delta(double value) {
        return new Huber(value);
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor error = yPred.sub(tf.cast(yTrue, yPred.dtype()));
        Tensor absError = tf.abs(error);
        Tensor quadratic = tf.square(error).mul(0.5);
        Tensor linear = absError.mul(delta).sub(0.5 * delta * delta);
        return tf.reduceMean(tf.where(tf.lessEqual(absError, Tensor.scalar(absError.dtype(), delta)), quadratic, linear), -1);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("delta", delta);
        return config;
    }
}
