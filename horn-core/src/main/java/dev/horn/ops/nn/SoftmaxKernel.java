package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-wise softmax and log-softmax over the last axis, stable (the row's max is subtracted
 * before exponentiating), vectorised for float32 and parallel over rows.
 */
final class SoftmaxKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private SoftmaxKernel() {}

    static Tensor run(Tensor logits, boolean log) {
        Tensor x = logits.contiguous();
        int n = x.shape().dim(-1);
        int rows = n == 0 ? 0 : x.size() / n;
        int off = x.offset();
        Object out = HeapArrays.newUninitialized(x.dtype(), x.size());
        int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n));
        if (x.dtype() == DType.FLOAT32) {
            float[] src = (float[]) x.storage();
            float[] dst = (float[]) out;
            Parallel.forRange(rows, grain, (s, e) -> {
                for (int r = s; r < e; r++) {
                    rowFloat(src, off + r * n, dst, r * n, n, log);
                }
            });
        } else {
            double[] src = (double[]) x.storage();
            double[] dst = (double[]) out;
            Parallel.forRange(rows, grain, (s, e) -> {
                for (int r = s; r < e; r++) {
                    rowDouble(src, off + r * n, dst, r * n, n, log);
                }
            });
        }
        return Tensor.wrap(x.dtype(), x.shape(), out);
    }

    private static void rowFloat(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        FloatVector maxV = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            maxV = maxV.lanewise(VectorOperators.MAX, FloatVector.fromArray(F, x, xo + i, m), m);
        }
        float max = maxV.reduceLanes(VectorOperators.MAX);
        FloatVector sumV = FloatVector.zero(F);
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector e = FloatVector.fromArray(F, x, xo + i, m).sub(max).lanewise(VectorOperators.EXP);
            if (!log) {
                e.intoArray(y, yo + i, m);
            }
            sumV = sumV.add(e, m);
        }
        float sum = sumV.reduceLanes(VectorOperators.ADD);
        if (log) {
            float shift = max + (float) Math.log(sum);
            for (int i = 0; i < n; i += F.length()) {
                VectorMask<Float> m = F.indexInRange(i, n);
                FloatVector.fromArray(F, x, xo + i, m).sub(shift).intoArray(y, yo + i, m);
            }
        } else {
            float inv = 1f / sum;
            for (int i = 0; i < n; i += F.length()) {
                VectorMask<Float> m = F.indexInRange(i, n);
                FloatVector.fromArray(F, y, yo + i, m).mul(inv).intoArray(y, yo + i, m);
            }
        }
    }

    private static void rowDouble(double[] x, int xo, double[] y, int yo, int n, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[xo + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[xo + i] - max);
            y[yo + i] = e;
            sum += e;
        }
        if (log) {
            double shift = max + Math.log(sum);
            for (int i = 0; i < n; i++) {
                y[yo + i] = x[xo + i] - shift;
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[yo + i] /= sum;
            }
        }
    }
}
