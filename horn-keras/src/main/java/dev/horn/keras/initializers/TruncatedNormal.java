package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;

/**
 * Keras' {@code TruncatedNormal}: normal values of the given mean and stddev, those more than
 * two standard deviations from the mean drawn again (Keras' defaults 0 and 0.05; the values'
 * standard deviation is about 0.88 stddev). With a seed every call gives the same values.
 */
public final class TruncatedNormal extends NormalInitializer {
    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        super("truncated_normal", mean, stddev, seed);
    }

    @Override
    protected Tensor draw(Shape shape, DType dtype) {
        return Draws.truncatedNormal(shape, dtype, mean, stddev, seed);
    }

    @Override
    public String name() {
        return "truncated_normal";
    }
}
