package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code RandomUniform}: values uniform in [minval, maxval), float or integer dtypes
 * (Keras' defaults -0.05 and 0.05). With a seed every call gives the same values.
 */
public final class RandomUniform implements Initializer {
    private final double minval;
    private final double maxval;
    private final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public RandomUniform(double minval, double maxval, Long seed) {
        if (!(minval <= maxval)) {
            throw new IllegalArgumentException("random_uniform: minval must not exceed maxval, got minval="
                    + minval + ", maxval=" + maxval);
        }
        this.minval = minval;
        this.maxval = maxval;
        this.seed = seed;
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        if (!dtype.isNumeric()) {
            throw new IllegalArgumentException("random_uniform: expected a float or integer dtype, got " + dtype);
        }
        Initializers.requireDefined(name(), shape);
        return Draws.uniform(shape, dtype, minval, maxval, seed);
    }

    @Override
    public String name() {
        return "random_uniform";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("minval", minval);
        config.put("maxval", maxval);
        config.put("seed", seed);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
