package dev.horn.ops.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** dst[d..d+n) += scale * src[s..s+n) for float32 (vectorised) or float64 arrays: the scatter kernels' inner step. */
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
}
