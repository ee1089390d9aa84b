package dev.horn.keras.layers;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Inverted dropout: a keep mask of the noise shape (the input's, or 1 on axes whose entries
 * drop together, as spatial dropout drops whole channels), broadcast over the input and scaled
 * by 1 / (1 - rate) so the expected sum is unchanged.
 */
final class DropoutMask {
    private DropoutMask() {}

    static Tensor apply(Tensor inputs, double rate, Long seed, int[] noiseShape) {
        return tf.mul(inputs, tf.dropoutMask(noiseShape, rate, inputs.dtype(), seed));
    }

    static void checkRate(String layer, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(layer + ": rate must be in [0, 1), got " + rate);
        }
    }
}
