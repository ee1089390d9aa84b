package dev.horn.keras.layers;

import dev.horn.Tensor;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * Image resizing written with ops (so it is differentiable and traces), on one spatial axis at
 * a time: nearest-neighbour repetition by an integer factor, and bilinear interpolation with
 * TensorFlow 2's half-pixel centres ({@code tf.image.resize(method="bilinear")}): output pixel
 * i samples the input at (i + 0.5) · in / out - 0.5, clamped to the edge.
 */
public final class Resize {
    private Resize() {}

    /** Each element along {@code axis} repeated {@code factor} times, as {@code tf.repeat}. */
    public static Tensor repeat(Tensor x, int axis, int factor) {
        if (factor == 1) {
            return x;
        }
        int[] dims = x.shape().dims();
        int[] multiples = new int[dims.length + 1];
        Arrays.fill(multiples, 1);
        multiples[axis + 1] = factor;
        Tensor tiled = tf.tile(tf.expandDims(x, axis + 1), multiples);
        int[] out = dims.clone();
        out[axis] = dims[axis] * factor;
        if (out[0] < 0) {
            out[0] = -1;
        }
        return tf.reshape(tiled, out);
    }

    /** Bilinear resampling of {@code axis} (of known size) to {@code size} entries. */
    public static Tensor bilinear(Tensor x, int axis, int size) {
        int n = x.shape().dim(axis);
        if (n == size) {
            return x;
        }
        int[] lower = new int[size];
        int[] upper = new int[size];
        float[] weight = new float[size];
        double scale = (double) n / size;
        for (int i = 0; i < size; i++) {
            double src = (i + 0.5) * scale - 0.5;
            int floor = (int) Math.floor(src);
            lower[i] = Math.max(floor, 0);
            upper[i] = Math.min(floor + 1, n - 1);
            weight[i] = (float) (src - floor);
        }
        int[] weightDims = new int[x.rank()];
        Arrays.fill(weightDims, 1);
        weightDims[axis] = size;
        Tensor w = tf.cast(Tensor.of(weight, weightDims), x.dtype());
        Tensor lo = tf.gather(x, Tensor.of(lower, size), axis);
        Tensor hi = tf.gather(x, Tensor.of(upper, size), axis);
        return lo.add(hi.sub(lo).mul(w));
    }

    /**
     * Nearest-neighbour resampling of {@code axis} to {@code size} entries: output i takes input
     * floor((i + 0.5) · in / out), TF 2's half-pixel nearest rule.
     */
    public static Tensor nearest(Tensor x, int axis, int size) {
        int n = x.shape().dim(axis);
        if (n == size) {
            return x;
        }
        int[] source = new int[size];
        for (int i = 0; i < size; i++) {
            source[i] = Math.min((int) Math.floor((i + 0.5) * n / size), n - 1);
        }
        return tf.gather(x, Tensor.of(source, size), axis);
    }
}
