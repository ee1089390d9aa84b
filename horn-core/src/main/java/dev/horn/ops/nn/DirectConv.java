package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct float32 convolution where a GEMM's inner dimension is too short to repay packing and
 * im2col: windows of few elements (one group, kernel volume x in channels at most
 * {@link #MAX_DEPTH}: the first layer of an image model, 3x3 over 1-3 channels), and depthwise
 * convolution with one output per input channel. Each output row accumulates straight from the
 * input, vectorised across channels: y[o, :] += x[src, c] * w[p, c, :], or depthwise y[o, c] +=
 * x[src, c] * w[p, c]. The filter gradient sums the same products over the rows in fixed
 * blocks, whose partial sums are added in block order, so the result does not depend on the
 * thread count. Vectors never cross a method boundary: a vector the JIT fails to inline would
 * be boxed on every step.
 */
final class DirectConv {
    static final int MAX_DEPTH = 32;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN_ROWS = 128;
    private static final int BLOCK_ROWS = 1024;

    private DirectConv() {}

    static boolean applies(ConvLayout l) {
        return (l.groups() == 1 && !l.pointwise() && l.k() <= MAX_DEPTH) || isDepthwise(l);
    }

    /** One input and one output channel per group: depthwise with multiplier 1, channel-wise products. */
    private static boolean isDepthwise(ConvLayout l) {
        return l.groups() > 1 && l.inPerGroup() == 1 && l.outPerGroup() == 1;
    }

    /** y [rows, out] = windows of x times w [k, out]. */
    static void forward(ConvLayout l, float[] x, int xOff, float[] w, int wOff, float[] y) {
        int out = l.out();
        int c = l.in();
        int kv = l.kernelVolume();
        int k = l.k();
        int[] sources = l.sources();
        boolean depthwise = isDepthwise(l);
        Parallel.forRange(l.batch() * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
            float[] window = new float[k];
            for (int row = s; row < e; row++) {
                int o = row % l.outSpatial();
                int base = xOff + row / l.outSpatial() * l.inSpatial() * c;
                if (depthwise) { // y[o, c] = sum_p x[src, c] * w[p, c]
                    java.util.Arrays.fill(y, row * out, (row + 1) * out, 0f);
                    for (int p = 0; p < kv; p++) {
                        int at = sources[o * kv + p];
                        if (at >= 0) {
                            RowAdd.addProduct(y, row * out, x, base + at * c, w, wOff + p * out, out);
                        }
                    }
                    continue;
                }
                for (int p = 0; p < kv; p++) { // the window, zeros for padding, then a short dot product per channel vector
                    int at = sources[o * kv + p];
                    for (int ci = 0; ci < c; ci++) {
                        window[p * c + ci] = at < 0 ? 0f : x[base + at * c + ci];
                    }
                }
                int j = 0;
                for (int bound = F.loopBound(out); j < bound; j += F.length()) {
                    FloatVector acc = FloatVector.zero(F);
                    for (int q = 0; q < k; q++) {
                        acc = FloatVector.fromArray(F, w, wOff + q * out + j).fma(FloatVector.broadcast(F, window[q]), acc);
                    }
                    acc.intoArray(y, row * out + j);
                }
                for (; j < out; j++) {
                    float acc = 0f;
                    for (int q = 0; q < k; q++) {
                        acc = Math.fma(window[q], w[wOff + q * out + j], acc);
                    }
                    y[row * out + j] = acc;
                }
            }
        });
    }

    /** dw [k, out] = sum over rows of window(row)^T dy[row, :]. */
    static void backpropFilter(ConvLayout l, float[] x, int xOff, float[] dy, int dyOff, float[] dw) {
        int out = l.out();
        int c = l.in();
        int kv = l.kernelVolume();
        int k = l.k();
        int[] sources = l.sources();
        int rows = l.batch() * l.outSpatial();
        int blocks = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
        float[] partial = new float[blocks * k * out];
        boolean depthwise = isDepthwise(l);
        Parallel.forRange(blocks, 1, (s, e) -> {
            for (int b = s; b < e; b++) {
                for (int row = b * BLOCK_ROWS; row < Math.min(rows, (b + 1) * BLOCK_ROWS); row++) {
                    int o = row % l.outSpatial();
                    int base = xOff + row / l.outSpatial() * l.inSpatial() * c;
                    for (int p = 0; p < kv; p++) {
                        int at = sources[o * kv + p];
                        if (depthwise) { // dw[p, c] += x[src, c] * dy[o, c]
                            if (at >= 0) {
                                RowAdd.addProduct(partial, (b * kv + p) * out, x, base + at * c, dy, dyOff + row * out, out);
                            }
                            continue;
                        }
                        for (int ci = 0; at >= 0 && ci < c; ci++) {
                            RowAdd.add(partial, (b * k + p * c + ci) * out, dy, dyOff + row * out, out, x[base + at * c + ci]);
                        }
                    }
                }
            }
        });
        for (int b = 0; b < blocks; b++) {
            RowAdd.add(dw, 0, partial, b * k * out, k * out, 1);
        }
    }
}
