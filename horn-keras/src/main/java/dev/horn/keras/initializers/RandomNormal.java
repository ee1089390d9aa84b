package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code RandomNormal}: normal values of the given mean and stddev (Keras' defaults 0
 * and 0.05). With a seed every call gives the same values.
 */
public final class RandomNormal implements Initializer {
    private final double mean;
    private final double stddev;
    private final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public RandomNormal(double mean, double stddev, Long seed) {
        Initializers.requireStddev("random_normal", stddev);
        this.mean = mean;
        this.stddev = stddev;
        this.seed = seed;
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name(), shape, dtype);
        return Draws.normal(shape, dtype, mean, stddev, seed);
    }

    @Override
    public String name() {
        return "random_normal";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mean", mean);
        config.put("stddev", stddev);
        config.put("seed", seed);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
