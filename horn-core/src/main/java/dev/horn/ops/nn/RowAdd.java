package dev.horn.ops.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * dst[d..d+n) += scale * src[s..s+n), or += a[..] * b[..] element by element, for float32
 * (vectorised) or float64 arrays: the inner step of the scatter and direct kernels; and relu in
 * place, for a convolution's epilogue.
 */
final class RowAdd {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private RowAdd() {}

    static void add(Object dst, int d, Object src, int s, int n, double scale) {
        if (dst instanceof float[] fd) {
            float[] fs = (float[]) src;
            float f = (float) scale;
            FloatVector fv = FloatVector.broadcast(F, f);
            int i = 0;
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                FloatVector.fromArray(F, fd, d + i).add(FloatVector.fromArray(F, fs, s + i).mul(fv)).intoArray(fd, d + i);
            }
            for (; i < n; i++) {
                fd[d + i] += fs[s + i] * f;
            }
        } else {
            double[] dd = (double[]) dst;
            double[] ds = (double[]) src;
            for (int i = 0; i < n; i++) {
                dd[d + i] += ds[s + i] * scale;
            }
        }
    }

    /** a[from .. from + n) = max(a, 0): relu in place, float32. */
    static void clampBelowZero(float[] a, int from, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, from + i).max(0f).intoArray(a, from + i);
        }
        for (; i < n; i++) {
            a[from + i] = Math.max(a[from + i], 0f);
        }
    }

    /** dst[d + i] += a[ai + i] * b[bi + i] for i < n, float32 arrays. */
    static void addProduct(float[] dst, int d, float[] a, int ai, float[] b, int bi, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, ai + i).fma(FloatVector.fromArray(F, b, bi + i), FloatVector.fromArray(F, dst, d + i))
                    .intoArray(dst, d + i);
        }
        for (; i < n; i++) {
            dst[d + i] += a[ai + i] * b[bi + i];
        }
    }
}
