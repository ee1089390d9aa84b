package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code TruncatedNormal}: normal values of the given mean and stddev, those more than
 * two standard deviations from the mean drawn again (Keras' defaults 0 and 0.05; the values'
 * standard deviation is about 0.88 stddev). With a seed every call gives the same values.
 */
public final class TruncatedNormal implements Initializer {
    private final double mean;
    private final double stddev;
    private final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        Initializers.requireStddev("truncated_normal", stddev);
        this.mean = mean;
        this.stddev = stddev;
        this.seed = seed;
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name(), shape, dtype);
        return Draws.truncatedNormal(shape, dtype, mean, stddev, seed);
    }

    @Override
    public String name() {
        return "truncated_normal";
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
