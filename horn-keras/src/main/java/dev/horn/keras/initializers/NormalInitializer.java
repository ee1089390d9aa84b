package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link RandomNormal} and {@link TruncatedNormal} share: a mean, a standard deviation and
 * an optional seed, checked once, saved as Keras names them; only the draw differs.
 */
abstract sealed class NormalInitializer implements Initializer permits RandomNormal, TruncatedNormal {
    protected final double mean;
    protected final double stddev;
    protected final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    NormalInitializer(String name, double mean, double stddev, Long seed) {
        Initializers.requireStddev(name, stddev);
        this.mean = mean;
        this.stddev = stddev;
        this.seed = seed;
    }

    /** The values, for a float dtype already checked. */
    protected abstract Tensor draw(Shape shape, DType dtype);

    @Override
    public final Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name(), shape, dtype);
        return draw(shape, dtype);
    }

    @Override
    public final Map<String, Object> getConfig() {
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
