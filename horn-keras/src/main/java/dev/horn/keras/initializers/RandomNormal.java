package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;

/**
 * Keras' {@code RandomNormal}: normal values of the given mean and stddev (Keras' defaults 0
 * and 0.05). With a seed every call gives the same values.
 */
public final class RandomNormal extends NormalInitializer {
    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public RandomNormal(double mean, double stddev, Long seed) {
        super("random_normal", mean, stddev, seed);
    }

    @Override
    protected Tensor draw(Shape shape, DType dtype) {
        return Draws.normal(shape, dtype, mean, stddev, seed);
    }

    @Override
    public String name() {
        return "random_normal";
    }
}
