package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct float32 convolution for windows of few elements (one group, kernel volume x in
 * channels at most {@link #MAX_DEPTH}: the first layer of an image model, 3x3 over 1-3
 * channels). There a GEMM's inner dimension is too short to repay packing and im2col, so each
 * output position accumulates vectors of output channels straight from the input: y[o, :] +=
 * x[src, c] * w[p, c, :]. The filter gradient sums the same products over the rows in fixed
 * blocks, whose partial sums are added in block order: the result does not depend on the thread
 * count.
 */
final class DirectConv {
    static final int MAX_DEPTH = 32;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN_ROWS = 128;
    private static final int BLOCK_ROWS = 1024;

    private DirectConv() {}

    static boolean applies(ConvLayout l) {
        return l.groups() == 1 && !l.pointwise() && l.k() <= MAX_DEPTH;
    }

    /** y [rows, out] = windows of x times w [k, out]. */
    static void forward(ConvLayout l, float[] x, int xOff, float[] w, int wOff, float[] y) {
        int out = l.out();
        int c = l.in();
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        Parallel.forRange(l.batch() * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
            for (int row = s; row < e; row++) {
                int image = row / l.outSpatial();
                int o = row % l.outSpatial();
                int base = xOff + image * l.inSpatial() * c;
                for (int j = 0; j < out; j += F.length()) {
                    VectorMask<Float> m = F.indexInRange(j, out);
                    FloatVector acc = FloatVector.zero(F);
                    for (int p = 0; p < kv; p++) {
                        int at = sources[o * kv + p];
                        if (at < 0) {
                            continue;
                        }
                        for (int ci = 0; ci < c; ci++) {
                            FloatVector wv = FloatVector.fromArray(F, w, wOff + (p * c + ci) * out + j, m);
                            acc = wv.fma(FloatVector.broadcast(F, x[base + at * c + ci]), acc);
                        }
                    }
                    acc.intoArray(y, row * out + j, m);
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
        Parallel.forRange(blocks, 1, (s, e) -> {
            for (int b = s; b < e; b++) {
                int sum = b * k * out;
                for (int row = b * BLOCK_ROWS; row < Math.min(rows, (b + 1) * BLOCK_ROWS); row++) {
                    int image = row / l.outSpatial();
                    int o = row % l.outSpatial();
                    int base = xOff + image * l.inSpatial() * c;
                    for (int j = 0; j < out; j += F.length()) {
                        VectorMask<Float> m = F.indexInRange(j, out);
                        FloatVector g = FloatVector.fromArray(F, dy, dyOff + row * out + j, m);
                        for (int p = 0; p < kv; p++) {
                            int at = sources[o * kv + p];
                            if (at < 0) {
                                continue;
                            }
                            for (int ci = 0; ci < c; ci++) {
                                int to = sum + (p * c + ci) * out + j;
                                FloatVector acc = FloatVector.fromArray(F, partial, to, m);
                                g.fma(FloatVector.broadcast(F, x[base + at * c + ci]), acc).intoArray(partial, to, m);
                            }
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
