package dev.horn.keras.layers;

import dev.horn.DType;
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
        DType dt = inputs.dtype();
        Tensor uniform = seed == null ? tf.randomUniform(noiseShape, 0, 1, dt) : tf.randomUniform(noiseShape, 0, 1, dt, seed);
        Tensor keep = tf.cast(tf.greaterEqual(uniform, Tensor.scalar(dt, rate)), dt);
        return tf.mul(inputs, tf.mul(keep, Tensor.scalar(dt, 1 / (1 - rate))));
    }

    static void checkRate(String layer, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(layer + ": rate must be in [0, 1), got " + rate);
        }
    }
}
