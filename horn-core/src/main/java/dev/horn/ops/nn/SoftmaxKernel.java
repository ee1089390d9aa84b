package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The softmax / log-softmax kernel: rows along the last axis, vectorised within a row and
 * parallel over rows, stable by subtracting the row's maximum. Another axis is first moved last
 * (a copy) and moved back after.
 */
final class SoftmaxKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private SoftmaxKernel() {}

    static Tensor run(Tensor input, int axis, boolean log) {
        int rank = input.rank();
        int ax = input.shape().normalizeAxis(axis);
        Tensor x = input;
        int[] perm = null;
        if (ax != rank - 1) {
            perm = new int[rank];
            for (int i = 0, j = 0; i < rank; i++) {
                if (i != ax) {
                    perm[j++] = i;
                }
            }
            perm[rank - 1] = ax;
            x = permute(input, perm);
        }
        x = x.contiguous();
        int n = x.shape().dim(rank - 1);
        int rows = n == 0 ? 0 : x.size() / n;
        int off = x.offset();
        int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n));
        Tensor out;
        if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) x.storage();
            float[] dst = new float[x.size()];
            Parallel.forRange(rows, grain, (s, e) -> {
                for (int r = s; r < e; r++) {
                    rowFloat(src, off + r * n, dst, r * n, n, log);
                }
            });
            out = Tensor.wrap(DType.FLOAT32, x.shape(), dst);
        } else {
            double[] src = (double[]) x.storage();
            double[] dst = new double[x.size()];
            Parallel.forRange(rows, grain, (s, e) -> {
                for (int r = s; r < e; r++) {
                    rowDouble(src, off + r * n, dst, r * n, n, log);
                }
            });
            out = Tensor.wrap(DType.FLOAT64, x.shape(), dst);
        }
        if (perm == null) {
            return out;
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[perm[i]] = i;
        }
        return permute(out, inverse).contiguous();
    }

    /** A transposed view (no op, no tape: this is inside a kernel). */
    private static Tensor permute(Tensor t, int[] perm) {
        int[] strides = t.strides();
        int[] dims = new int[perm.length];
        int[] newStrides = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = t.shape().dim(perm[i]);
            newStrides[i] = strides[perm[i]];
        }
        return t.view(Shape.of(dims), t.offset(), newStrides);
    }

    private static void rowFloat(float[] src, int s, float[] dst, int d, int n, boolean log) {
        int bound = F.loopBound(n);
        FloatVector maxV = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += F.length()) {
            maxV = maxV.max(FloatVector.fromArray(F, src, s + i));
        }
        float max = maxV.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, src[s + i]);
        }
        if (Float.isInfinite(max)) {
            max = max > 0 ? max : 0; // an all -inf row: keep exp(-inf) = 0 rather than NaN
        }
        FloatVector shift = FloatVector.broadcast(F, max);
        FloatVector sumV = FloatVector.zero(F);
        for (i = 0; i < bound; i += F.length()) {
            FloatVector z = FloatVector.fromArray(F, src, s + i).sub(shift);
            FloatVector ez = z.lanewise(VectorOperators.EXP);
            sumV = sumV.add(ez);
            (log ? z : ez).intoArray(dst, d + i);
        }
        float sum = sumV.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float z = src[s + i] - max;
            float ez = (float) Math.exp(z);
            sum += ez;
            dst[d + i] = log ? z : ez;
        }
        if (log) {
            float logSum = (float) Math.log(sum);
            FloatVector l = FloatVector.broadcast(F, logSum);
            for (i = 0; i < bound; i += F.length()) {
                FloatVector.fromArray(F, dst, d + i).sub(l).intoArray(dst, d + i);
            }
            for (; i < n; i++) {
                dst[d + i] -= logSum;
            }
        } else {
            float inv = 1f / sum;
            FloatVector v = FloatVector.broadcast(F, inv);
            for (i = 0; i < bound; i += F.length()) {
                FloatVector.fromArray(F, dst, d + i).mul(v).intoArray(dst, d + i);
            }
            for (; i < n; i++) {
                dst[d + i] *= inv;
            }
        }
    }

    private static void rowDouble(double[] src, int s, double[] dst, int d, int n, boolean log) {
        int bound = D.loopBound(n);
        DoubleVector maxV = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        int i = 0;
        for (; i < bound; i += D.length()) {
            maxV = maxV.max(DoubleVector.fromArray(D, src, s + i));
        }
        double max = maxV.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, src[s + i]);
        }
        if (Double.isInfinite(max)) {
            max = max > 0 ? max : 0;
        }
        DoubleVector shift = DoubleVector.broadcast(D, max);
        DoubleVector sumV = DoubleVector.zero(D);
        for (i = 0; i < bound; i += D.length()) {
            DoubleVector z = DoubleVector.fromArray(D, src, s + i).sub(shift);
            DoubleVector ez = z.lanewise(VectorOperators.EXP);
            sumV = sumV.add(ez);
            (log ? z : ez).intoArray(dst, d + i);
        }
        double sum = sumV.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double z = src[s + i] - max;
            double ez = Math.exp(z);
            sum += ez;
            dst[d + i] = log ? z : ez;
        }
        if (log) {
            double logSum = Math.log(sum);
            for (i = 0; i < n; i++) {
                dst[d + i] -= logSum;
            }
        } else {
            double inv = 1 / sum;
            for (i = 0; i < n; i++) {
                dst[d + i] *= inv;
            }
        }
    }
}
