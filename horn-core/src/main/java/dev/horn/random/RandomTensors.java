package dev.horn.random;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;

/**
 * Builds random tensors: resolves the seeds to a {@link PhiloxStream}, then fills the elements
 * in parallel. Element i's value depends only on the stream and i, never on the thread count.
 */
public final class RandomTensors {
    private static final int GRAIN = 1 << 14;

    private RandomTensors() {}

    private interface Fill {
        void run(PhiloxStream stream, Object out, int from, int to);
    }

    private static Tensor generate(Shape shape, DType dtype, Long seed, boolean truncated, Fill fill) {
        int n = shape.size();
        PhiloxStream stream = Seeds.reserve(seed, PhiloxStream.blocks(dtype, n, truncated));
        Object out = HeapArrays.newUninitialized(dtype, n); // every element is drawn
        Parallel.forRange(n, GRAIN, (s, e) -> fill.run(stream, out, s, e));
        return Tensor.wrap(dtype, shape, out);
    }

    public static Tensor uniform(int[] shape, double min, double max, DType dtype, Long seed) {
        Shape s = Shape.of(shape);
        if (dtype.isInteger()) {
            if (min != Math.rint(min) || max != Math.rint(max)) {
                throw new IllegalArgumentException("random_uniform: " + dtype + " needs integer minval and maxval, got "
                        + min + " and " + max);
            }
            if (!(min < max)) {
                throw new IllegalArgumentException("random_uniform: need minval < maxval, got minval=" + (long) min
                        + ", maxval=" + (long) max);
            }
        } else if (!dtype.isFloating()) {
            throw new IllegalArgumentException("random_uniform: expected a float or int dtype, got " + dtype);
        }
        return generate(s, dtype, seed, false, (st, out, a, b) -> st.uniform(dtype, out, a, b, min, max));
    }

    public static Tensor normal(int[] shape, double mean, double stddev, DType dtype, Long seed) {
        floating("random_normal", dtype);
        return generate(Shape.of(shape), dtype, seed, false, (st, out, a, b) -> st.normal(dtype, out, a, b, mean, stddev));
    }

    public static Tensor truncatedNormal(int[] shape, double mean, double stddev, DType dtype, Long seed) {
        floating("truncated_normal", dtype);
        return generate(Shape.of(shape), dtype, seed, true,
                (st, out, a, b) -> st.truncatedNormal(dtype, out, a, b, mean, stddev));
    }

    /** A dropout keep mask: {@code scale} where a uniform draw in [0, 1) is at least {@code rate}, else 0. */
    public static Tensor dropoutMask(int[] shape, double rate, double scale, DType dtype, Long seed) {
        floating("dropout_mask", dtype);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout_mask: rate must be in [0, 1), got " + rate);
        }
        return generate(Shape.of(shape), dtype, seed, false, (st, out, a, b) -> st.dropoutMask(dtype, out, a, b, rate, scale));
    }

    /** Ones with probability p, zeros otherwise, in {@code dtype}: a uniform draw compared with p. */
    public static Tensor bernoulli(int[] shape, double p, DType dtype, Long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("random_bernoulli: p must be in [0, 1], got " + p);
        }
        if (dtype == DType.STRING) {
            throw new IllegalArgumentException("random_bernoulli: expected a numeric or bool dtype, got string");
        }
        Tensor u = uniform(shape, 0, 1, DType.FLOAT32, seed);
        float[] us = (float[]) u.storage();
        float threshold = (float) p;
        Object out = HeapArrays.newArray(dtype, us.length);
        for (int i = 0; i < us.length; i++) {
            boolean one = us[i] < threshold;
            switch (dtype) {
                case FLOAT32 -> ((float[]) out)[i] = one ? 1 : 0;
                case FLOAT64 -> ((double[]) out)[i] = one ? 1 : 0;
                case INT32 -> ((int[]) out)[i] = one ? 1 : 0;
                case INT64 -> ((long[]) out)[i] = one ? 1 : 0;
                default -> ((boolean[]) out)[i] = one;
            }
        }
        return Tensor.wrap(dtype, u.shape(), out);
    }

    private static void floating(String op, DType dtype) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(op + ": expected float32 or float64, got " + dtype);
        }
    }
}
