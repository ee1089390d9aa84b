package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.random.Philox;
import dev.horn.random.PhiloxStream;

import static dev.horn.Tf.tf;

/**
 * The random numbers of the random initializers. With a seed, a draw is stateless, as Keras 2's
 * seeded initializers ({@code RandomGenerator(seed, rng_type="stateless")}): it depends only on
 * the seed, so every call returns the same values, whatever the global seed. Without one, it
 * is an ordinary random op on Horn's global stream: successive calls differ, and a program run
 * again after the same {@link dev.horn.Horn#setSeed} repeats them.
 *
 * <p>A seeded draw reads the Philox stream TensorFlow's stateless ops derive from the seed pair
 * {@code [seed, 0]} that Keras passes them: the pair, as a counter, goes once through Philox
 * under a fixed key, and the four words out become the key and the stream (TensorFlow's
 * {@code GenerateKey} in {@code stateless_random_ops.cc}).
 */
final class Draws {
    private static final int SCRAMBLE_KEY_0 = 0x3ec8f720;
    private static final int SCRAMBLE_KEY_1 = 0x02461e29;

    private Draws() {}

    static Tensor uniform(Shape shape, DType dtype, double min, double max, Long seed) {
        if (seed == null) {
            return Initializers.eagerly(() -> tf.randomUniform(shape.dims(), min, max, dtype));
        }
        Object out = newArray(dtype, shape.size());
        stream(seed).uniform(dtype, out, 0, shape.size(), min, max);
        return Tensor.wrap(dtype, shape, out);
    }

    static Tensor normal(Shape shape, DType dtype, double mean, double stddev, Long seed) {
        if (seed == null) {
            return Initializers.eagerly(() -> tf.randomNormal(shape.dims(), mean, stddev, dtype));
        }
        Object out = newArray(dtype, shape.size());
        stream(seed).normal(dtype, out, 0, shape.size(), mean, stddev);
        return Tensor.wrap(dtype, shape, out);
    }

    /** Normal with values beyond two standard deviations drawn again. */
    static Tensor truncatedNormal(Shape shape, DType dtype, double mean, double stddev, Long seed) {
        if (seed == null) {
            return Initializers.eagerly(() -> tf.truncatedNormal(shape.dims(), mean, stddev, dtype));
        }
        Object out = newArray(dtype, shape.size());
        stream(seed).truncatedNormal(dtype, out, 0, shape.size(), mean, stddev);
        return Tensor.wrap(dtype, shape, out);
    }

    /** The stateless stream of Keras' seed pair [seed, 0]. */
    static PhiloxStream stream(long seed) {
        return stream(seed, 0);
    }

    /** The stateless stream of the seed pair [seed0, seed1]: key and stream from one scrambling block. */
    static PhiloxStream stream(long seed0, long seed1) {
        int[] mix = new int[4];
        Philox.block((int) seed0, (int) (seed0 >>> 32), (int) seed1, (int) (seed1 >>> 32), SCRAMBLE_KEY_0, SCRAMBLE_KEY_1, mix);
        long key = (mix[0] & 0xFFFFFFFFL) | ((long) mix[1] << 32);
        long stream = (mix[2] & 0xFFFFFFFFL) | ((long) mix[3] << 32);
        return new PhiloxStream(key, stream, 0);
    }

    private static Object newArray(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            default -> throw new IllegalArgumentException("expected a float or int dtype, got " + dtype);
        };
    }
}
