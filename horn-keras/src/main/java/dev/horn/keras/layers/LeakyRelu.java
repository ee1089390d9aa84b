package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code LeakyReLU} layer: x for x ≥ 0, {@code negativeSlope}·x below; the slope defaults
 * to the layer's 0.3 (the {@code "leaky_relu"} activation's is 0.2). Keras 2 called it {@code alpha}.
 */
public final class LeakyRelu extends FluentLayer<LeakyRelu> {
    private final double negativeSlope;

    public LeakyRelu() {
        this(0.3);
    }

    public LeakyRelu(double negativeSlope) {
        if (!(negativeSlope >= 0)) {
            throw new IllegalArgumentException("LeakyReLU: negative_slope must be a number >= 0, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    @Override
    public String className() {
        return "LeakyReLU";
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return tf.leakyRelu(inputs, negativeSlope);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("negative_slope", negativeSlope);
        return config;
    }
}
