package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max and average pooling and their gradients, channels last: the channels of one position are
 * contiguous, so float32 forward kernels run down the window with whole vectors of channels.
 * Forward kernels split the output rows across cores; the scattering gradients split by image,
 * so no two threads add into one element. Max pooling ignores padding (it is -inf), and its
 * gradient goes to the first maximum of a window in row-major order; average pooling divides
 * by the number of real (not padding) cells, as TensorFlow does.
 */
final class PoolKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN_ROWS = 32;

    private PoolKernels() {}

    /** Max (average when {@code !max}) pooling of x into the given output shape. */
    static Tensor pool(boolean max, Window window, int[] ksize, Tensor input, Shape outShape) {
        Tensor x = input.contiguous();
        PoolLayout l = PoolLayout.of(window, ksize, x.shape(), outShape);
        Object y = HeapArrays.newUninitialized(x.dtype(), outShape.size());
        int c = l.channels();
        Parallel.forRange(l.batch() * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
            for (int row = s; row < e; row++) {
                int image = row / l.outSpatial();
                int o = row % l.outSpatial();
                int base = x.offset() + image * l.inSpatial() * c;
                if (y instanceof float[] fy) {
                    poolRowFloat(max, l, (float[]) x.storage(), base, o, fy, row * c);
                } else {
                    poolRowDouble(max, l, (double[]) x.storage(), base, o, (double[]) y, row * c);
                }
            }
        });
        return Tensor.wrap(x.dtype(), outShape, y);
    }

    private static void poolRowFloat(boolean max, PoolLayout l, float[] x, int base, int o, float[] y, int out) {
        int c = l.channels();
        int kv = l.kernelVolume();
        float count = l.validCount(o);
        int i = 0;
        for (int bound = F.loopBound(c); i < bound; i += F.length()) {
            FloatVector acc = FloatVector.broadcast(F, max ? Float.NEGATIVE_INFINITY : 0f);
            for (int p = 0; p < kv; p++) {
                int at = l.sources()[o * kv + p];
                if (at >= 0) {
                    FloatVector v = FloatVector.fromArray(F, x, base + at * c + i);
                    acc = max ? acc.max(v) : acc.add(v);
                }
            }
            (max ? acc : acc.div(count)).intoArray(y, out + i);
        }
        for (; i < c; i++) {
            float acc = max ? Float.NEGATIVE_INFINITY : 0f;
            for (int p = 0; p < kv; p++) {
                int at = l.sources()[o * kv + p];
                if (at >= 0) {
                    float v = x[base + at * c + i];
                    acc = max ? Math.max(acc, v) : acc + v;
                }
            }
            y[out + i] = max ? acc : acc / count;
        }
    }

    private static void poolRowDouble(boolean max, PoolLayout l, double[] x, int base, int o, double[] y, int out) {
        int c = l.channels();
        int kv = l.kernelVolume();
        double count = l.validCount(o);
        for (int i = 0; i < c; i++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (int p = 0; p < kv; p++) {
                int at = l.sources()[o * kv + p];
                if (at >= 0) {
                    double v = x[base + at * c + i];
                    acc = max ? Math.max(acc, v) : acc + v;
                }
            }
            y[out + i] = max ? acc : acc / count;
        }
    }

    /** The input position (flat spatial) of the first maximum of channel i's window at output o. */
    private static int argmax(PoolLayout l, Tensor x, int base, int o, int i) {
        int kv = l.kernelVolume();
        int c = l.channels();
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < kv; p++) {
            int at = l.sources()[o * kv + p];
            if (at >= 0) {
                double v = x.storage() instanceof float[] f ? f[base + at * c + i] : ((double[]) x.storage())[base + at * c + i];
                if (best < 0 || v > bestValue) {
                    best = at;
                    bestValue = v;
                }
            }
        }
        return best;
    }

    /** dx of max pooling: each window's gradient added at its first maximum. */
    static Tensor maxPoolGrad(Window window, int[] ksize, Tensor input, Tensor outBackprop) {
        Tensor x = input.contiguous();
        Tensor dy = outBackprop.contiguous();
        PoolLayout l = PoolLayout.of(window, ksize, x.shape(), dy.shape());
        Object dx = HeapArrays.newArray(x.dtype(), x.size());
        int c = l.channels();
        Parallel.forRange(l.batch(), 1, (s, e) -> {
            for (int image = s; image < e; image++) {
                int base = x.offset() + image * l.inSpatial() * c;
                for (int o = 0; o < l.outSpatial(); o++) {
                    int g = dy.offset() + (image * l.outSpatial() + o) * c;
                    for (int i = 0; i < c; i++) {
                        int at = image * l.inSpatial() * c + argmax(l, x, base, o, i) * c + i;
                        if (dx instanceof float[] f) {
                            f[at] += ((float[]) dy.storage())[g + i];
                        } else {
                            ((double[]) dx)[at] += ((double[]) dy.storage())[g + i];
                        }
                    }
                }
            }
        });
        return Tensor.wrap(x.dtype(), x.shape(), dx);
    }

    /** The gradient of max_pool_grad with respect to its dy: g read at each window's first maximum. */
    static Tensor maxPoolGradGrad(Window window, int[] ksize, Tensor input, Tensor grad, Shape outShape) {
        Tensor x = input.contiguous();
        Tensor g = grad.contiguous();
        PoolLayout l = PoolLayout.of(window, ksize, x.shape(), outShape);
        Object y = HeapArrays.newUninitialized(x.dtype(), outShape.size());
        int c = l.channels();
        Parallel.forRange(l.batch() * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
            for (int row = s; row < e; row++) {
                int image = row / l.outSpatial();
                int o = row % l.outSpatial();
                int base = x.offset() + image * l.inSpatial() * c;
                for (int i = 0; i < c; i++) {
                    int at = g.offset() + image * l.inSpatial() * c + argmax(l, x, base, o, i) * c + i;
                    if (y instanceof float[] f) {
                        f[row * c + i] = ((float[]) g.storage())[at];
                    } else {
                        ((double[]) y)[row * c + i] = ((double[]) g.storage())[at];
                    }
                }
            }
        });
        return Tensor.wrap(x.dtype(), outShape, y);
    }

    /** dx of average pooling: each window's gradient spread evenly over its real cells. */
    static Tensor avgPoolGrad(Window window, int[] ksize, Tensor outBackprop, Shape inShape) {
        Tensor dy = outBackprop.contiguous();
        DType dtype = dy.dtype();
        PoolLayout l = PoolLayout.of(window, ksize, inShape, dy.shape());
        Object dx = HeapArrays.newArray(dtype, inShape.size());
        int c = l.channels();
        int kv = l.kernelVolume();
        Parallel.forRange(l.batch(), 1, (s, e) -> {
            for (int image = s; image < e; image++) {
                for (int o = 0; o < l.outSpatial(); o++) {
                    double scale = 1.0 / l.validCount(o);
                    int g = dy.offset() + (image * l.outSpatial() + o) * c;
                    for (int p = 0; p < kv; p++) {
                        int at = l.sources()[o * kv + p];
                        if (at >= 0) {
                            RowAdd.add(dx, (image * l.inSpatial() + at) * c, dy.storage(), g, c, scale);
                        }
                    }
                }
            }
        });
        return Tensor.wrap(dtype, inShape, dx);
    }
}
