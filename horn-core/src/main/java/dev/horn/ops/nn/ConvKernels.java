package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;

/**
 * The convolution family lowered to the packed GEMM (im2col): per chunk of images and per
 * group, the windows are gathered into a column matrix (in parallel over its rows) and one GEMM
 * (parallel inside) does the arithmetic. A pointwise convolution (1x1, stride 1) needs no
 * gather: the input already is the column matrix. Chunks bound the column buffer; the order of
 * additions depends only on the shapes, so results are deterministic at a fixed thread count.
 */
final class ConvKernels {
    /** Column-buffer elements per chunk: a few MiB, within the last-level cache's reach. */
    private static final int COLUMN_BUDGET = 1 << 21;
    private static final int GRAIN_ROWS = 64;

    private ConvKernels() {}

    /** y = conv(x, w). */
    static Tensor forward(Window window, Tensor input, Tensor filters, Shape outShape) {
        Tensor x = input.contiguous();
        Tensor w = filters.contiguous();
        ConvLayout l = ConvLayout.of(window, x.shape(), w.shape(), outShape);
        DType dtype = x.dtype();
        Object y = HeapArrays.newUninitialized(dtype, outShape.size());
        int chunk = l.imagesPerChunk(COLUMN_BUDGET);
        Object cols = l.pointwise() ? null : newArray(dtype, chunk * l.outSpatial() * l.k());
        for (int n0 = 0; n0 < l.batch(); n0 += chunk) {
            int images = Math.min(chunk, l.batch() - n0);
            int rows = images * l.outSpatial();
            for (int g = 0; g < l.groups(); g++) {
                Object a;
                int aOff;
                int lda;
                if (l.pointwise()) {
                    a = x.storage();
                    aOff = x.offset() + n0 * l.inSpatial() * l.in() + g * l.inPerGroup();
                    lda = l.in();
                } else {
                    gather(l, x, n0, images, g, cols);
                    a = cols;
                    aOff = 0;
                    lda = l.k();
                }
                gemm(dtype, false, false, rows, l.outPerGroup(), l.k(), a, aOff, lda,
                        w.storage(), w.offset() + g * l.outPerGroup(), l.out(),
                        y, n0 * l.outSpatial() * l.out() + g * l.outPerGroup(), l.out(), false);
            }
        }
        return Tensor.wrap(dtype, outShape, y);
    }

    /** dx = conv_backprop_input(w, dy): column gradients by GEMM, scattered back onto the windows. */
    static Tensor backpropInput(Window window, Tensor filters, Tensor outBackprop, Shape inShape) {
        Tensor w = filters.contiguous();
        Tensor dy = outBackprop.contiguous();
        ConvLayout l = ConvLayout.of(window, inShape, w.shape(), dy.shape());
        DType dtype = dy.dtype();
        Object dx = HeapArrays.newArray(dtype, inShape.size());
        int chunk = l.imagesPerChunk(COLUMN_BUDGET);
        Object cols = l.pointwise() ? null : newArray(dtype, chunk * l.outSpatial() * l.k());
        for (int n0 = 0; n0 < l.batch(); n0 += chunk) {
            int images = Math.min(chunk, l.batch() - n0);
            int rows = images * l.outSpatial();
            for (int g = 0; g < l.groups(); g++) {
                int dyOff = dy.offset() + n0 * l.outSpatial() * l.out() + g * l.outPerGroup();
                if (l.pointwise()) {
                    gemm(dtype, false, true, rows, l.inPerGroup(), l.outPerGroup(), dy.storage(), dyOff, l.out(),
                            w.storage(), w.offset() + g * l.outPerGroup(), l.out(),
                            dx, n0 * l.inSpatial() * l.in() + g * l.inPerGroup(), l.in(), false);
                } else {
                    gemm(dtype, false, true, rows, l.k(), l.outPerGroup(), dy.storage(), dyOff, l.out(),
                            w.storage(), w.offset() + g * l.outPerGroup(), l.out(), cols, 0, l.k(), false);
                    scatter(l, cols, n0, images, g, dx);
                }
            }
        }
        return Tensor.wrap(dtype, inShape, dx);
    }

    /** dw = conv_backprop_filter(x, dy): cols^T dy, accumulated over the chunks. */
    static Tensor backpropFilter(Window window, Tensor input, Tensor outBackprop, Shape filterShape) {
        Tensor x = input.contiguous();
        Tensor dy = outBackprop.contiguous();
        ConvLayout l = ConvLayout.of(window, x.shape(), filterShape, dy.shape());
        DType dtype = x.dtype();
        Object dw = HeapArrays.newArray(dtype, filterShape.size());
        int chunk = l.imagesPerChunk(COLUMN_BUDGET);
        Object cols = l.pointwise() ? null : newArray(dtype, chunk * l.outSpatial() * l.k());
        for (int n0 = 0; n0 < l.batch(); n0 += chunk) {
            int images = Math.min(chunk, l.batch() - n0);
            int rows = images * l.outSpatial();
            for (int g = 0; g < l.groups(); g++) {
                Object a;
                int aOff;
                int lda;
                if (l.pointwise()) {
                    a = x.storage();
                    aOff = x.offset() + n0 * l.inSpatial() * l.in() + g * l.inPerGroup();
                    lda = l.in();
                } else {
                    gather(l, x, n0, images, g, cols);
                    a = cols;
                    aOff = 0;
                    lda = l.k();
                }
                gemm(dtype, true, false, l.k(), l.outPerGroup(), rows, a, aOff, lda,
                        dy.storage(), dy.offset() + n0 * l.outSpatial() * l.out() + g * l.outPerGroup(), l.out(),
                        dw, g * l.outPerGroup(), l.out(), true);
            }
        }
        return Tensor.wrap(dtype, filterShape, dw);
    }

    /** im2col: rows (image, output position) of group g's windows into cols, padding as zeros. */
    private static void gather(ConvLayout l, Tensor x, int n0, int images, int g, Object cols) {
        Object src = x.storage();
        int base = x.offset() + g * l.inPerGroup();
        int c = l.inPerGroup();
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        Parallel.forRange(images * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
            for (int row = s; row < e; row++) {
                int image = n0 + row / l.outSpatial();
                int o = row % l.outSpatial();
                int dst = row * l.k();
                int imageBase = base + image * l.inSpatial() * l.in();
                for (int p = 0; p < kv; p++, dst += c) {
                    int at = sources[o * kv + p];
                    if (at < 0) {
                        zero(cols, dst, c);
                    } else {
                        System.arraycopy(src, imageBase + at * l.in(), cols, dst, c);
                    }
                }
            }
        });
    }

    /**
     * col2im: adds each column row back onto the input positions its window read. For one kernel
     * position, distinct output positions read distinct inputs, so the rows split across cores
     * without two writing one element; kernel positions run one after another.
     */
    private static void scatter(ConvLayout l, Object cols, int n0, int images, int g, Object dx) {
        int c = l.inPerGroup();
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        int base = g * l.inPerGroup();
        for (int p = 0; p < kv; p++) {
            int kernelPos = p;
            Parallel.forRange(images * l.outSpatial(), GRAIN_ROWS, (s, e) -> {
                for (int row = s; row < e; row++) {
                    int image = n0 + row / l.outSpatial();
                    int o = row % l.outSpatial();
                    int at = sources[o * kv + kernelPos];
                    if (at >= 0) {
                        RowAdd.add(dx, base + (image * l.inSpatial() + at) * l.in(), cols, row * l.k() + kernelPos * c, c, 1);
                    }
                }
            });
        }
    }

    private static Object newArray(DType dtype, int size) {
        return dtype == DType.FLOAT32 ? new float[size] : new double[size];
    }

    private static void zero(Object a, int from, int length) {
        if (a instanceof float[] f) {
            java.util.Arrays.fill(f, from, from + length, 0f);
        } else {
            java.util.Arrays.fill((double[]) a, from, from + length, 0.0);
        }
    }

    private static void gemm(DType dtype, boolean transA, boolean transB, int m, int n, int k,
                             Object a, int aOff, int lda, Object b, int bOff, int ldb,
                             Object c, int cOff, int ldc, boolean accumulate) {
        if (dtype == DType.FLOAT32) {
            DefaultGemm.sgemm(transA, transB, m, n, k, (float[]) a, aOff, lda, (float[]) b, bOff, ldb,
                    (float[]) c, cOff, ldc, accumulate);
        } else {
            Gemm.dgemm(transA, transB, m, n, k, (double[]) a, aOff, lda, (double[]) b, bOff, ldb,
                    (double[]) c, cOff, ldc, accumulate);
        }
    }
}
