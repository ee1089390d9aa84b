package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code MaxNorm}: each weight vector along {@code axis} rescaled to a norm of at most
 * {@code maxValue}, {@code w * clip(norm, 0, max_value) / (epsilon + norm)}. For a Dense kernel
 * (in, out) axis 0 constrains each unit's incoming weights; for a Conv2D kernel (rows, cols,
 * in, out) use axes {0, 1, 2}.
 */
public final class MaxNorm extends NormConstraint {
    private final double maxValue;

    public MaxNorm(double maxValue, int... axis) {
        super(axis);
        this.maxValue = maxValue;
    }

    @Override
    public Tensor apply(Tensor w) {
        Tensor norms = norms(w);
        return rescale(w, tf.clipByValue(norms, 0, maxValue), norms);
    }

    @Override
    public String name() {
        return "max_norm";
    }

    public double maxValue() {
        return maxValue;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("max_value", maxValue);
        config.put("axis", axisConfig());
        return config;
    }
}
