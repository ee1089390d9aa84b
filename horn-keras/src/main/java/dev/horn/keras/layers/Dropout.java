package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' {@code Dropout}: in training, each input is zeroed with probability {@code rate} and the
 * rest are scaled by 1 / (1 - rate), so the expected sum is unchanged; at inference it is the
 * identity. Each call of a compiled train step draws a new mask.
 */
public final class Dropout extends FluentLayer<Dropout> {
    private final double rate;
    private Long seed;

    public Dropout(double rate) {
        DropoutMask.checkRate("Dropout", rate);
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
        return DropoutMask.apply(inputs, rate, seed, inputs.shape().dims());
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
