package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code MinMaxNorm}: each weight vector's norm moved towards [minValue, maxValue] at
 * {@code rate}: desired = rate * clip(norm, min, max) + (1 - rate) * norm, then
 * {@code w * desired / (epsilon + norm)}. Rate 1 enforces the interval at once.
 */
public final class MinMaxNorm extends NormConstraint {
    private final double minValue;
    private final double maxValue;
    private final double rate;

    public MinMaxNorm(double minValue, double maxValue, double rate, int... axis) {
        super(axis);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("min_max_norm: min_value must not exceed max_value, got min_value="
                    + minValue + ", max_value=" + maxValue);
        }
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.rate = rate;
    }

    @Override
    public Tensor apply(Tensor w) {
        Tensor norms = norms(w);
        Tensor desired = tf.clipByValue(norms, minValue, maxValue).mul(rate).add(norms.mul(1 - rate));
        return rescale(w, desired, norms);
    }

    @Override
    public String name() {
        return "min_max_norm";
    }

    public double minValue() {
        return minValue;
    }

    public double maxValue() {
        return maxValue;
    }

    public double rate() {
        return rate;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("min_value", minValue);
        config.put("max_value", maxValue);
        config.put("rate", rate);
        config.put("axis", axisConfig());
        return config;
    }
}
