package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Dropout}: in training, each input is zeroed with probability {@code rate} and the
 * rest are scaled by 1 / (1 - rate), so the expected sum is unchanged; at inference it is the
 * identity. Each call of a compiled train step draws a new mask.
 */
public final class Dropout extends FluentLayer<Dropout> {
    private final double rate;
    private Long seed;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    public Dropout seed(long value) {
        seed = value;
        return this;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0) {
            return inputs;
        }
        int[] shape = inputs.shape().dims();
        DType dt = inputs.dtype();
        Tensor uniform = seed == null ? tf.randomUniform(shape, 0, 1, dt) : tf.randomUniform(shape, 0, 1, dt, seed);
        Tensor keep = tf.cast(tf.greaterEqual(uniform, Tensor.scalar(dt, rate)), dt);
        return tf.mul(inputs, tf.mul(keep, Tensor.scalar(dt, 1 / (1 - rate))));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("rate", rate);
        config.put("noise_shape", null);
        config.put("seed", seed);
        return config;
    }
}
