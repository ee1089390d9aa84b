package dev.horn.ops.nn;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The softmax / log-softmax kernel: rows along the last axis, vectorised within a row and
 * parallel over rows, stable by subtracting the row's maximum. Along another axis the same
 * three passes (max, exp and sum, scale) run down the axis, vectorised across the contiguous
 * positions after it, in parallel blocks; no transposed copy.
 */
final class SoftmaxKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private SoftmaxKernel() {}

    static Tensor run(Tensor input, int axis, boolean log) {
        Tensor x = input.contiguous();
        int rank = x.rank();
        int ax = x.shape().normalizeAxis(axis);
        int n = x.shape().dim(ax);
        int inner = 1;
        for (int i = ax + 1; i < rank; i++) {
            inner *= x.shape().dim(i);
        }
        int rows = n == 0 || inner == 0 ? 0 : x.size() / (n * inner);
        int off = x.offset();
        boolean f32 = x.dtype() == DType.FLOAT32;
        Object dst = f32 ? new float[x.size()] : new double[x.size()];
        if (inner == 1) {
            int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n));
            if (f32 && n < F.length()) {
                Parallel.forRange(rows, grain, (s, e) -> narrowRowsFloat((float[]) x.storage(), off, (float[]) dst, n, s, e, log));
                return Tensor.wrap(x.dtype(), x.shape(), dst);
            }
            Parallel.forRange(rows, grain, (s, e) -> {
                for (int r = s; r < e; r++) {
                    if (f32) {
                        rowFloat((float[]) x.storage(), off + r * n, (float[]) dst, r * n, n, log);
                    } else {
                        rowDouble((double[]) x.storage(), off + r * n, (double[]) dst, r * n, n, log);
                    }
                }
            });
        } else {
            // another axis: vectorise across the contiguous inner positions, blocks of BLOCK columns
            int blocks = (inner + BLOCK - 1) / BLOCK;
            int in = inner;
            int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n * Math.min(inner, BLOCK)));
            Parallel.forRange(rows * blocks, grain, (s, e) -> {
                for (int t = s; t < e; t++) {
                    int o = t / blocks;
                    int c0 = (t % blocks) * BLOCK;
                    int width = Math.min(BLOCK, in - c0);
                    int base = o * n * in + c0;
                    if (f32) {
                        columnsFloat((float[]) x.storage(), off + base, (float[]) dst, base, n, in, width, log);
                    } else {
                        columnsDouble((double[]) x.storage(), off + base, (double[]) dst, base, n, in, width, log);
                    }
                }
            });
        }
        return Tensor.wrap(x.dtype(), x.shape(), dst);
    }

    private static final int BLOCK = 256;

    /** Softmax down {@code n} rows of stride {@code stride}, for {@code width} adjacent columns. */
    private static void columnsFloat(float[] src, int s, float[] dst, int d, int n, int stride, int width, boolean log) {
        float[] max = new float[width];
        float[] sum = new float[width];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        int bound = F.loopBound(width);
        for (int k = 0; k < n; k++) {
            int row = s + k * stride;
            int c = 0;
            for (; c < bound; c += F.length()) {
                FloatVector.fromArray(F, max, c).max(FloatVector.fromArray(F, src, row + c)).intoArray(max, c);
            }
            for (; c < width; c++) {
                max[c] = Math.max(max[c], src[row + c]);
            }
        }
        for (int c = 0; c < width; c++) {
            if (Float.isInfinite(max[c])) {
                max[c] = max[c] > 0 ? max[c] : 0;
            }
        }
        for (int k = 0; k < n; k++) {
            int row = s + k * stride;
            int out = d + k * stride;
            int c = 0;
            for (; c < bound; c += F.length()) {
                FloatVector z = FloatVector.fromArray(F, src, row + c).sub(FloatVector.fromArray(F, max, c));
                FloatVector ez = VectorMath.exp(z);
                FloatVector.fromArray(F, sum, c).add(ez).intoArray(sum, c);
                (log ? z : ez).intoArray(dst, out + c);
            }
            for (; c < width; c++) {
                float z = src[row + c] - max[c];
                float ez = (float) Math.exp(z);
                sum[c] += ez;
                dst[out + c] = log ? z : ez;
            }
        }
        for (int c = 0; c < width; c++) {
            sum[c] = log ? (float) Math.log(sum[c]) : 1f / sum[c];
        }
        for (int k = 0; k < n; k++) {
            int out = d + k * stride;
            int c = 0;
            for (; c < bound; c += F.length()) {
                FloatVector v = FloatVector.fromArray(F, dst, out + c);
                FloatVector f = FloatVector.fromArray(F, sum, c);
                (log ? v.sub(f) : v.mul(f)).intoArray(dst, out + c);
            }
            for (; c < width; c++) {
                dst[out + c] = log ? dst[out + c] - sum[c] : dst[out + c] * sum[c];
            }
        }
    }

    private static void columnsDouble(double[] src, int s, double[] dst, int d, int n, int stride, int width, boolean log) {
        double[] max = new double[width];
        double[] sum = new double[width];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < width; c++) {
                max[c] = Math.max(max[c], src[s + k * stride + c]);
            }
        }
        for (int c = 0; c < width; c++) {
            if (Double.isInfinite(max[c])) {
                max[c] = max[c] > 0 ? max[c] : 0;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < width; c++) {
                double z = src[s + k * stride + c] - max[c];
                double ez = Math.exp(z);
                sum[c] += ez;
                dst[d + k * stride + c] = log ? z : ez;
            }
        }
        for (int c = 0; c < width; c++) {
            sum[c] = log ? Math.log(sum[c]) : 1 / sum[c];
        }
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < width; c++) {
                int p = d + k * stride + c;
                dst[p] = log ? dst[p] - sum[c] : dst[p] * sum[c];
            }
        }
    }

    /** Values per block of narrow rows: the block's two scratch copies stay in the first-level cache. */
    static final int NARROW_BLOCK = 2048;

    /** Rows of a block of narrow rows that fit in {@link #NARROW_BLOCK} values (at least one). */
    static int narrowBlockRows(int n) {
        return Math.max(1, NARROW_BLOCK / Math.max(1, n));
    }

    /** Scratch length for blocks of {@code rows} rows of {@code n}: whole vectors. */
    static int narrowScratch(int rows, int n) {
        return (rows * n + F.length() - 1) / F.length() * F.length();
    }

    /**
     * For rows [r0, r1) of n values from {@code x} at {@code xo}: {@code shifted} = x minus its
     * row's maximum and {@code exp} = e^shifted, flat from index 0 and zero-padded to whole
     * vectors. The exponentials run as one vector loop over the block, so rows narrower than a
     * vector (10 classes) do not leave most lanes idle, and every value goes through the same
     * operations wherever its row falls: chunking across threads changes no bit.
     */
    static void shiftAndExp(float[] x, int xo, int n, int r0, int r1, float[] shifted, float[] exp) {
        int count = (r1 - r0) * n;
        for (int r = r0; r < r1; r++) {
            int xs = xo + r * n;
            float max = rowMax(x, xs, n);
            int d = (r - r0) * n;
            for (int i = 0; i < n; i++) {
                shifted[d + i] = x[xs + i] - max;
            }
        }
        int padded = (count + F.length() - 1) / F.length() * F.length();
        java.util.Arrays.fill(shifted, count, padded, 0f);
        for (int i = 0; i < padded; i += F.length()) {
            VectorMath.exp(FloatVector.fromArray(F, shifted, i)).intoArray(exp, i);
        }
    }

    /** A float64 row's maximum; 0 for an all -inf row, as {@link #rowMax(float[], int, int)}. */
    static double rowMax(double[] x, int xs, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[xs + i]);
        }
        return Double.isInfinite(max) && max < 0 ? 0 : max;
    }

    /** A row's maximum (exact in any order); 0 for an all -inf row, so that exp(-inf) = 0 rather than NaN. */
    private static float rowMax(float[] x, int xs, int n) {
        int i = 0;
        float max = Float.NEGATIVE_INFINITY;
        if (n >= F.length()) {
            FloatVector maxV = FloatVector.fromArray(F, x, xs);
            for (i = F.length(); i + F.length() <= n; i += F.length()) {
                maxV = maxV.max(FloatVector.fromArray(F, x, xs + i));
            }
            max = maxV.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) {
            max = Math.max(max, x[xs + i]);
        }
        return Float.isInfinite(max) && max < 0 ? 0 : max;
    }

    /** Softmax or log-softmax of rows [r0, r1), each narrower than a vector, in blocks. */
    private static void narrowRowsFloat(float[] src, int off, float[] dst, int n, int r0, int r1, boolean log) {
        int blockRows = narrowBlockRows(n);
        float[] shifted = new float[narrowScratch(Math.min(blockRows, r1 - r0), n)];
        float[] exp = new float[shifted.length];
        for (int b0 = r0; b0 < r1; b0 += blockRows) {
            int b1 = Math.min(r1, b0 + blockRows);
            shiftAndExp(src, off, n, b0, b1, shifted, exp);
            for (int r = b0; r < b1; r++) {
                int d = (r - b0) * n;
                float sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += exp[d + i];
                }
                int o = r * n;
                if (log) {
                    float logSum = (float) Math.log(sum);
                    for (int i = 0; i < n; i++) {
                        dst[o + i] = shifted[d + i] - logSum;
                    }
                } else {
                    float inv = 1f / sum;
                    for (int i = 0; i < n; i++) {
                        dst[o + i] = exp[d + i] * inv;
                    }
                }
            }
        }
    }

    private static void rowFloat(float[] src, int s, float[] dst, int d, int n, boolean log) {
        int bound = F.loopBound(n);
        int i;
        float max = rowMax(src, s, n);
        FloatVector shift = FloatVector.broadcast(F, max);
        FloatVector sumV = FloatVector.zero(F);
        for (i = 0; i < bound; i += F.length()) {
            FloatVector z = FloatVector.fromArray(F, src, s + i).sub(shift);
            FloatVector ez = VectorMath.exp(z);
            sumV = sumV.add(ez);
            (log ? z : ez).intoArray(dst, d + i);
        }
        float sum = VectorMath.foldLanes(sumV, VectorOperators.ADD);
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

    /** Float64 rows one value at a time with {@code Math.exp}, summed left to right: the same bits however the JIT compiles it. */
    private static void rowDouble(double[] src, int s, double[] dst, int d, int n, boolean log) {
        double max = rowMax(src, s, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = src[s + i] - max;
            double ez = Math.exp(z);
            sum += ez;
            dst[d + i] = log ? z : ez;
        }
        if (log) {
            double logSum = Math.log(sum);
            for (int i = 0; i < n; i++) {
                dst[d + i] -= logSum;
            }
        } else {
            double inv = 1 / sum;
            for (int i = 0; i < n; i++) {
                dst[d + i] *= inv;
            }
        }
    }
}
