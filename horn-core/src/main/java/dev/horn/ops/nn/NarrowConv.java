package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 convolution with one or two vectors of output channels (16 or 32 with 512-bit
 * vectors) over a long window: there the packed GEMM's tile, four vectors wide, would leave
 * half its lanes or more idle. Four output rows are gathered at a time (im2col into a scratch
 * of 4 windows) and a 4 x 2-vector register tile runs down the window: per window element two
 * filter loads, four broadcasts, eight FMAs. The input gradient of a layer with 16 or 32 input
 * channels runs here as the flipped convolution.
 */
final class NarrowConv {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int GRAIN_QUADS = 16;

    private NarrowConv() {}

    static boolean applies(ConvLayout l) {
        return l.groups() == 1 && !l.pointwise() && l.k() > DirectConv.MAX_DEPTH && (l.out() == V || l.out() == 2 * V);
    }

    /** y [rows, out] = windows of x times w [k, out]. */
    static void forward(ConvLayout l, Tensor x, float[] w, int wOff, float[] y) {
        int k = l.k();
        int out = l.out();
        boolean two = out == 2 * V;
        int rows = l.batch() * l.outSpatial();
        Parallel.forRange((rows + 3) / 4, GRAIN_QUADS, (s, e) -> {
            float[] win = new float[4 * k];
            for (int quad = s; quad < e; quad++) {
                int r0 = quad * 4;
                int n = Math.min(4, rows - r0);
                ConvKernels.gather(l, x, r0, r0 + n, 0, win); // rows past n keep old values: computed, never stored
                FloatVector a0 = FloatVector.zero(F);
                FloatVector a1 = a0;
                FloatVector a2 = a0;
                FloatVector a3 = a0;
                FloatVector b0 = a0;
                FloatVector b1 = a0;
                FloatVector b2 = a0;
                FloatVector b3 = a0;
                for (int q = 0; q < k; q++) {
                    FloatVector x0 = FloatVector.broadcast(F, win[q]);
                    FloatVector x1 = FloatVector.broadcast(F, win[k + q]);
                    FloatVector x2 = FloatVector.broadcast(F, win[2 * k + q]);
                    FloatVector x3 = FloatVector.broadcast(F, win[3 * k + q]);
                    FloatVector wa = FloatVector.fromArray(F, w, wOff + q * out);
                    a0 = wa.fma(x0, a0);
                    a1 = wa.fma(x1, a1);
                    a2 = wa.fma(x2, a2);
                    a3 = wa.fma(x3, a3);
                    if (two) {
                        FloatVector wb = FloatVector.fromArray(F, w, wOff + q * out + V);
                        b0 = wb.fma(x0, b0);
                        b1 = wb.fma(x1, b1);
                        b2 = wb.fma(x2, b2);
                        b3 = wb.fma(x3, b3);
                    }
                }
                store(y, r0 * out, out, two, a0, b0);
                if (n > 1) {
                    store(y, (r0 + 1) * out, out, two, a1, b1);
                }
                if (n > 2) {
                    store(y, (r0 + 2) * out, out, two, a2, b2);
                }
                if (n > 3) {
                    store(y, (r0 + 3) * out, out, two, a3, b3);
                }
            }
        });
    }

    private static void store(float[] y, int at, int out, boolean two, FloatVector left, FloatVector right) {
        left.intoArray(y, at);
        if (two) {
            right.intoArray(y, at + V);
        }
    }
}
