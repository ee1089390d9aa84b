package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;

/**
 * The convolution family lowered to the packed GEMM (im2col). Forward and filter gradient split
 * the output rows (image, position) into blocks ({@link RowBlocks}) spread across the cores;
 * each core gathers a block's windows into a column matrix that stays in its cache and runs
 * the GEMM on it, so the columns never travel through memory. A pointwise convolution (1x1,
 * stride 1) needs no gather: the input already is the column matrix. The input gradient runs
 * as the flipped forward convolution where it can, else as a GEMM per chunk of images followed
 * by a scatter-add (col2im). Every element's additions come in an order fixed by the shapes and
 * the thread count, so results are deterministic at a fixed thread count.
 */
final class ConvKernels {
    /**
     * Runs of row blocks the im2col filter gradient sums separately: fixed, so that the sum's
     * order depends on the shape only; at most this many copies of the filter are alive and
     * added up at the end, and at most this many cores share the product.
     */
    static final int FILTER_RUNS = 4;
    /** Column-buffer elements per chunk: a few MiB, within the last-level cache's reach. */
    private static final int COLUMN_BUDGET = 1 << 21;
    private static final int GRAIN_ROWS = 64;

    private ConvKernels() {}

    /**
     * What is done to each output row before it is stored: the bias [out] added, then relu when
     * {@code relu}. The register-tiled kernels apply it in registers; the others in a pass after.
     */
    record Epilogue(Tensor bias, boolean relu) {
        static final Epilogue NONE = new Epilogue(null, false);

        /** The bias as a float array of out elements (null when there is none), for the float32 kernels. */
        float[] floatBias() {
            return bias == null ? null : bias.contiguous().toFloatArray();
        }

        void applyTo(Object y, int out) {
            if (bias == null && !relu) {
                return;
            }
            if (y instanceof float[] f) {
                float[] b = bias == null ? new float[out] : floatBias();
                Parallel.forRange(f.length / out, GRAIN_ROWS, (s, e) -> {
                    for (int row = s; row < e; row++) {
                        RowAdd.add(f, row * out, b, 0, out, 1);
                    }
                    if (relu) {
                        RowAdd.clampBelowZero(f, s * out, (e - s) * out);
                    }
                });
            } else {
                double[] d = (double[]) y;
                double[] b = bias == null ? new double[out] : bias.contiguous().toDoubleArray();
                for (int i = 0; i < d.length; i++) {
                    double v = d[i] + b[i % out];
                    d[i] = relu ? Math.max(v, 0) : v;
                }
            }
        }
    }

    /** y = conv(x, w). */
    static Tensor forward(Window window, Tensor input, Tensor filters, Shape outShape) {
        return forward(window, input, filters, Epilogue.NONE, outShape);
    }

    /** y = epilogue(conv(x, w)). */
    static Tensor forward(Window window, Tensor input, Tensor filters, Epilogue epilogue, Shape outShape) {
        Tensor x = input.contiguous();
        Tensor w = filters.contiguous();
        ConvLayout l = ConvLayout.of(window, x.shape(), w.shape(), outShape);
        Object y = HeapArrays.newUninitialized(x.dtype(), outShape.size());
        forward(l, x, w.storage(), w.offset(), y, epilogue);
        return Tensor.wrap(x.dtype(), outShape, y);
    }

    /** y = conv(x, w) for a layout: direct for short windows in float32, else im2col and GEMM. */
    static void forward(ConvLayout l, Tensor x, Object w, int wOff, Object y) {
        forward(l, x, w, wOff, y, Epilogue.NONE);
    }

    private static void forward(ConvLayout l, Tensor x, Object w, int wOff, Object y, Epilogue epilogue) {
        DType dtype = x.dtype();
        if (dtype == DType.FLOAT32 && ShallowConv.applies(l)) {
            ShallowConv.forward(l, (float[]) x.storage(), x.offset(), (float[]) w, wOff, (float[]) y, epilogue.floatBias(), epilogue.relu());
            return;
        }
        if (dtype == DType.FLOAT32 && ImplicitConv.appliesForward(l)) {
            ImplicitConv.forward(l, x, (float[]) w, wOff, (float[]) y, epilogue.floatBias(), epilogue.relu());
            return;
        }
        forwardPlain(l, x, w, wOff, y);
        epilogue.applyTo(y, l.out());
    }

    private static void forwardPlain(ConvLayout l, Tensor x, Object w, int wOff, Object y) {
        DType dtype = x.dtype();
        if (dtype == DType.FLOAT32 && NarrowConv.applies(l)) {
            NarrowConv.forward(l, x, (float[]) w, wOff, (float[]) y);
            return;
        }
        if (dtype == DType.FLOAT32 && DirectConv.applies(l)) {
            DirectConv.forward(l, (float[]) x.storage(), x.offset(), (float[]) w, wOff, (float[]) y);
            return;
        }
        if (l.pointwise()) { // the input is the column matrix: one GEMM per group, parallel inside
            int rows = l.batch() * l.outSpatial();
            for (int g = 0; g < l.groups(); g++) {
                gemm(dtype, false, false, rows, l.outPerGroup(), l.k(), x.storage(), x.offset() + g * l.inPerGroup(), l.in(),
                        w, wOff + g * l.outPerGroup(), l.out(), y, g * l.outPerGroup(), l.out(), false);
            }
            return;
        }
        RowBlocks blocks = RowBlocks.of(l);
        Parallel.forRange(blocks.count(), 1, (s, e) -> {
            Object cols = newArray(dtype, blocks.rows() * l.k());
            for (int b = s; b < e; b++) {
                int r0 = b * blocks.rows();
                int n = Math.min(blocks.rows(), blocks.total() - r0);
                for (int g = 0; g < l.groups(); g++) {
                    gather(l, x, r0, r0 + n, g, cols);
                    blockGemm(dtype, false, n, l.outPerGroup(), l.k(), cols,
                            w, wOff + g * l.outPerGroup(), l.out(), y, r0 * l.out() + g * l.outPerGroup(), l.out(), false);
                }
            }
        });
    }

    /** dx = conv_backprop_input(w, dy): column gradients by GEMM, scattered back onto the windows. */
    static Tensor backpropInput(Window window, Tensor filters, Tensor outBackprop, Shape inShape) {
        Tensor w = filters.contiguous();
        Tensor dy = outBackprop.contiguous();
        ConvLayout l = ConvLayout.of(window, inShape, w.shape(), dy.shape());
        if (dy.dtype() == DType.FLOAT32 && ImplicitCol2im.applies(l)) {
            float[] dx = new float[inShape.size()];
            ImplicitCol2im.backpropInput(l, (float[]) w.storage(), w.offset(), (float[]) dy.storage(), dy.offset(), dx);
            return Tensor.wrap(DType.FLOAT32, inShape, dx);
        }
        if (FlippedConv.applies(window, l)) {
            return FlippedConv.backpropInput(window, w, dy, inShape);
        }
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
        if (dtype == DType.FLOAT32 && ShallowConv.applies(l)) {
            ShallowConv.backpropFilter(l, (float[]) x.storage(), x.offset(), (float[]) dy.storage(), dy.offset(), (float[]) dw, null);
            return Tensor.wrap(dtype, filterShape, dw);
        }
        if (dtype == DType.FLOAT32 && ImplicitConv.appliesFilter(l)) {
            ImplicitConv.backpropFilter(l, x, (float[]) dy.storage(), dy.offset(), (float[]) dw, null);
            return Tensor.wrap(dtype, filterShape, dw);
        }
        if (dtype == DType.FLOAT32 && DirectConv.applies(l)) {
            DirectConv.backpropFilter(l, (float[]) x.storage(), x.offset(), (float[]) dy.storage(), dy.offset(), (float[]) dw);
            return Tensor.wrap(dtype, filterShape, dw);
        }
        if (l.pointwise()) {
            int rows = l.batch() * l.outSpatial();
            for (int g = 0; g < l.groups(); g++) {
                gemm(dtype, true, false, l.k(), l.outPerGroup(), rows, x.storage(), x.offset() + g * l.inPerGroup(), l.in(),
                        dy.storage(), dy.offset() + g * l.outPerGroup(), l.out(), dw, g * l.outPerGroup(), l.out(), true);
            }
            return Tensor.wrap(dtype, filterShape, dw);
        }
        // row blocks are summed in a fixed number of runs, each into its own copy, and the copies
        // are added up in run order: the runs depend on the shape alone, so the bits do not depend
        // on how many threads share them
        RowBlocks blocks = RowBlocks.of(l);
        int runs = Math.min(blocks.count(), FILTER_RUNS);
        Object[] partials = new Object[runs];
        Parallel.forRange(runs, 1, (s, e) -> {
            Object cols = newArray(dtype, blocks.rows() * l.k());
            for (int run = s; run < e; run++) {
                Object partial = newArray(dtype, filterShape.size());
                for (int b = run * blocks.count() / runs; b < (run + 1) * blocks.count() / runs; b++) {
                    int r0 = b * blocks.rows();
                    int n = Math.min(blocks.rows(), blocks.total() - r0);
                    for (int g = 0; g < l.groups(); g++) {
                        gather(l, x, r0, r0 + n, g, cols);
                        blockGemm(dtype, true, l.k(), l.outPerGroup(), n, cols,
                                dy.storage(), dy.offset() + r0 * l.out() + g * l.outPerGroup(), l.out(),
                                partial, g * l.outPerGroup(), l.out(), true);
                    }
                }
                partials[run] = partial;
            }
        });
        for (Object partial : partials) {
            if (partial != null) {
                RowAdd.add(dw, 0, partial, 0, filterShape.size(), 1);
            }
        }
        return Tensor.wrap(dtype, filterShape, dw);
    }

    /**
     * {dw, db} = {conv_backprop_filter(x, dy), dy summed over its rows}: the kernels that stream
     * dy through the L1 cache a block at a time sum it there; the others leave it to bias_add_grad's.
     */
    static Tensor[] backpropFilterAndBias(Window window, Tensor input, Tensor outBackprop, Shape filterShape) {
        Tensor x = input.contiguous();
        Tensor dy = outBackprop.contiguous();
        ConvLayout l = ConvLayout.of(window, x.shape(), filterShape, dy.shape());
        int out = filterShape.dim(-1);
        if (x.dtype() == DType.FLOAT32 && (ShallowConv.applies(l) || ImplicitConv.appliesFilter(l))) {
            float[] dw = new float[filterShape.size()];
            float[] db = new float[out];
            if (ShallowConv.applies(l)) {
                ShallowConv.backpropFilter(l, (float[]) x.storage(), x.offset(), (float[]) dy.storage(), dy.offset(), dw, db);
            } else {
                ImplicitConv.backpropFilter(l, x, (float[]) dy.storage(), dy.offset(), dw, db);
            }
            return new Tensor[] {Tensor.wrap(DType.FLOAT32, filterShape, dw), Tensor.wrap(DType.FLOAT32, Shape.of(out), db)};
        }
        return new Tensor[] {backpropFilter(window, x, dy, filterShape), BiasAddGrad.sumOverRows(dy)};
    }

    /** im2col: rows [r0, r1) (image, output position) of group g's windows into cols from its row 0, padding as zeros. */
    static void gather(ConvLayout l, Tensor x, int r0, int r1, int g, Object cols) {
        Object src = x.storage();
        int base = x.offset() + g * l.inPerGroup();
        int c = l.inPerGroup();
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        WindowRuns runs = l.runs();
        for (int row = r0; row < r1; row++) {
            int image = row / l.outSpatial();
            int o = row % l.outSpatial();
            int dst = (row - r0) * l.k();
            int imageBase = base + image * l.inSpatial() * l.in();
            if (runs != null) { // one group: each run is one contiguous stretch of input
                for (int r = runs.start()[o]; r < runs.start()[o + 1]; r++) {
                    int at = runs.source()[r];
                    copy(src, at < 0 ? -1 : imageBase + at * c, cols, dst + runs.kernelPos()[r] * c, runs.length()[r] * c);
                }
                continue;
            }
            for (int p = 0; p < kv; p++, dst += c) {
                int at = sources[o * kv + p];
                copy(src, at < 0 ? -1 : imageBase + at * l.in(), cols, dst, c);
            }
        }
    }

    /** Copies n elements from src[from] (zeros when from is -1); short runs by a plain loop, cheaper than a call. */
    private static void copy(Object src, int from, Object dst, int to, int n) {
        if (from < 0) {
            zero(dst, to, n);
        } else if (n >= 16) {
            System.arraycopy(src, from, dst, to, n);
        } else if (dst instanceof float[] fd) {
            float[] fs = (float[]) src;
            for (int i = 0; i < n; i++) {
                fd[to + i] = fs[from + i];
            }
        } else {
            double[] dd = (double[]) dst;
            double[] ds = (double[]) src;
            for (int i = 0; i < n; i++) {
                dd[to + i] = ds[from + i];
            }
        }
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

    static Object newArray(DType dtype, int size) {
        return dtype == DType.FLOAT32 ? new float[size] : new double[size];
    }

    private static void zero(Object a, int from, int length) {
        if (a instanceof float[] f) {
            java.util.Arrays.fill(f, from, from + length, 0f);
        } else {
            java.util.Arrays.fill((double[]) a, from, from + length, 0.0);
        }
    }

    /**
     * One block's product on the calling thread, A the block's column matrix (transposed for
     * the filter gradient): the Java GEMM, never the native BLAS, whose own threads would
     * contend with the blocks running on the other cores.
     */
    private static void blockGemm(DType dtype, boolean transA, int m, int n, int k, Object cols,
                                  Object b, int bOff, int ldb, Object c, int cOff, int ldc, boolean accumulate) {
        int lda = transA ? m : k;
        if (dtype == DType.FLOAT32) {
            Gemm.sgemm(transA, false, m, n, k, (float[]) cols, 0, lda, (float[]) b, bOff, ldb, (float[]) c, cOff, ldc, accumulate);
        } else {
            Gemm.dgemm(transA, false, m, n, k, (double[]) cols, 0, lda, (double[]) b, bOff, ldb, (double[]) c, cOff, ldc, accumulate);
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
