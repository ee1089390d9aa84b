package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code GaussianNoise}: in training adds zero-mean normal noise of {@code stddev}; identity at inference. */
public final class GaussianNoise extends FluentLayer<GaussianNoise> {
    private final double stddev;
    private Long seed;

    public GaussianNoise(double stddev) {
        if (!(stddev >= 0)) {
            throw new IllegalArgumentException("GaussianNoise: stddev must be non-negative, got " + stddev);
        }
        this.stddev = stddev;
    }

    public GaussianNoise seed(long value) {
        seed = value;
        return this;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || stddev == 0) {
            return inputs;
        }
        int[] shape = inputs.shape().dims();
        Tensor noise = seed == null ? tf.randomNormal(shape, 0, stddev, inputs.dtype())
                : tf.randomNormal(shape, 0, stddev, inputs.dtype(), seed);
        return inputs.add(noise);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("stddev", stddev);
        config.put("seed", seed);
        return config;
    }
}
