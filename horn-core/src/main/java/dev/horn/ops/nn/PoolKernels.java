package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

    /**
     * For each channel of the window at output o, the kernel position of its first maximum (as a
     * float, exact for any window size), found a vector of channels at a time.
     */
    private static void firstMaxima(PoolLayout l, float[] x, int base, int o, float[] first) {
        int c = l.channels();
        int kv = l.kernelVolume();
        int i = 0;
        for (int bound = F.loopBound(c); i < bound; i += F.length()) {
            FloatVector best = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            FloatVector where = FloatVector.broadcast(F, -1f);
            for (int p = 0; p < kv; p++) {
                int at = l.sources()[o * kv + p];
                if (at >= 0) {
                    FloatVector v = FloatVector.fromArray(F, x, base + at * c + i);
                    // strictly greater keeps the first maximum; an unset lane takes the first real cell
                    VectorMask<Float> better = v.compare(VectorOperators.GT, best).or(where.compare(VectorOperators.LT, 0f));
                    best = best.blend(v, better);
                    where = where.blend((float) p, better);
                }
            }
            where.intoArray(first, i);
        }
        for (; i < c; i++) {
            float best = Float.NEGATIVE_INFINITY;
            float where = -1;
            for (int p = 0; p < kv; p++) {
                int at = l.sources()[o * kv + p];
                if (at >= 0 && (where < 0 || x[base + at * c + i] > best)) {
                    best = x[base + at * c + i];
                    where = p;
                }
            }
            first[i] = where;
        }
    }

    /** Which way {@link #routeFloat} moves values. */
    private enum Route {
        /** add small into big at the maxima (the gradient) */
        ADD,
        /** write small at the maxima and 0 elsewhere in the window (the gradient, when windows partition the input) */
        WRITE,
        /** copy big at the maxima into small (the gradient's gradient) */
        READ
    }

    /**
     * Routes one window's values between the output position and each channel's first maximum
     * (see {@link Route}); {@code big} is the image's input-shaped array from offset b.
     */
    private static void routeFloat(PoolLayout l, int o, float[] first, Route route, float[] small, int s, float[] big, int b) {
        int c = l.channels();
        int kv = l.kernelVolume();
        for (int p = 0; p < kv; p++) {
            int at = l.sources()[o * kv + p];
            if (at < 0) {
                continue;
            }
            int cell = b + at * c;
            int i = 0;
            for (int bound = F.loopBound(c); i < bound; i += F.length()) {
                VectorMask<Float> here = FloatVector.fromArray(F, first, i).compare(VectorOperators.EQ, (float) p);
                switch (route) {
                    case ADD -> FloatVector.fromArray(F, big, cell + i).add(FloatVector.fromArray(F, small, s + i), here)
                            .intoArray(big, cell + i);
                    case WRITE -> FloatVector.zero(F).blend(FloatVector.fromArray(F, small, s + i), here).intoArray(big, cell + i);
                    case READ -> FloatVector.fromArray(F, small, s + i).blend(FloatVector.fromArray(F, big, cell + i), here)
                            .intoArray(small, s + i);
                }
            }
            for (; i < c; i++) {
                boolean here = first[i] == p;
                switch (route) {
                    case ADD -> big[cell + i] += here ? small[s + i] : 0;
                    case WRITE -> big[cell + i] = here ? small[s + i] : 0;
                    case READ -> small[s + i] = here ? big[cell + i] : small[s + i];
                }
            }
        }
    }

    /**
     * dx of max pooling: each window's gradient added at its first maximum. When the windows
     * partition the input (2x2 stride 2 on even sizes), each cell is written once, its gradient
     * or 0, instead of zeroing dx and adding into it.
     */
    static Tensor maxPoolGrad(Window window, int[] ksize, Tensor input, Tensor outBackprop) {
        Tensor x = input.contiguous();
        Tensor dy = outBackprop.contiguous();
        PoolLayout l = PoolLayout.of(window, ksize, x.shape(), dy.shape());
        Route route = l.partitions() ? Route.WRITE : Route.ADD;
        Object dx = route == Route.WRITE && x.dtype() == DType.FLOAT32 ? HeapArrays.newUninitialized(x.dtype(), x.size())
                : HeapArrays.newArray(x.dtype(), x.size());
        int c = l.channels();
        Parallel.forRange(l.batch(), 1, (s, e) -> {
            float[] first = new float[c];
            for (int image = s; image < e; image++) {
                int base = x.offset() + image * l.inSpatial() * c;
                for (int o = 0; o < l.outSpatial(); o++) {
                    int g = dy.offset() + (image * l.outSpatial() + o) * c;
                    if (dx instanceof float[] fdx) {
                        firstMaxima(l, (float[]) x.storage(), base, o, first);
                        routeFloat(l, o, first, route, (float[]) dy.storage(), g, fdx, image * l.inSpatial() * c);
                        continue;
                    }
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
            float[] first = new float[c];
            for (int row = s; row < e; row++) {
                int image = row / l.outSpatial();
                int o = row % l.outSpatial();
                int base = x.offset() + image * l.inSpatial() * c;
                if (y instanceof float[] fy) {
                    firstMaxima(l, (float[]) x.storage(), base, o, first);
                    routeFloat(l, o, first, Route.READ, fy, row * c, (float[]) g.storage(), g.offset() + image * l.inSpatial() * c);
                    continue;
                }
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
