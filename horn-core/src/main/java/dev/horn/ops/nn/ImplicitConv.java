package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;
import dev.horn.Tensor;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 convolution as an implicit GEMM: the register tile reads each window straight from
 * the input through a table of offsets (one per tile row and kernel position) instead of
 * copying it into a column matrix, and the filters [k, out] are read in place, their rows
 * already being the k-major panels a packed GEMM would build. So nothing is packed or copied
 * per call, where im2col on the GEMM gathers every window, packs it again and packs the
 * filters once per row block: at MNIST's shapes (k = 288 or 576, 32 or 64 outputs) that
 * overhead was as large as the products.
 *
 * <p>Forward (and the flipped-convolution input gradient): a tile of 6 output rows x 4 vectors
 * of outputs (a 64-wide panel with 512-bit vectors, repeated across wider outputs; 24
 * accumulators, per window element 4 filter loads, 6 broadcasts, 24 FMAs: 5-13% faster than 4
 * rows, whose loads were a larger share, one thread, same run) or, over short
 * windows (a first layer's), 4 rows x 1 or 2 vectors (16 or 32 outputs; measured faster than
 * 8 rows x 2, whose eight window offsets no longer fit the general registers). A tile whose windows touch padding is gathered into a scratch
 * first ({@link ConvKernels#gather}), zeros included, and read from there by the same loop.
 *
 * <p>Filter gradient dw [k, out] = sum over rows of window(row)^T dy[row, :]: a tile of 4
 * consecutive channels of one kernel position x 4 vectors of outputs runs down a block of rows,
 * skipping rows whose window reads padding there. Rows are summed in fixed blocks whose
 * partial sums are added in block order, and every output row's sum runs in one order, so no
 * result depends on the thread count.
 */
final class ImplicitConv {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int PANEL = 4 * V;
    private static final int TILE_ROWS = 4;
    /** Rows of the forward tile over whole 4-vector panels: 6 x 4 vectors, 24 accumulators. */
    private static final int WIDE_TILE_ROWS = 6;
    /** What may stay in a core's L2 cache (1 MiB on the machines measured) beside the streamed data. */
    private static final long CACHED_BYTES = 640 << 10;
    private static final int GRAIN_TILES = 8;
    /** Rows whose filter-gradient terms are summed into one partial: fixed, so sums do not depend on the threads. */
    private static final int SUM_ROWS = 4096;
    /** Rows of dy a filter-gradient tile runs down at a time: 16 KiB of dy at 64 outputs, in the L1 cache. */
    private static final int SUB_ROWS = 64;

    private ImplicitConv() {}

    /**
     * One group, a real window, outputs that fill whole 4-vector panels or exactly one or two
     * vectors, and a panel of filters (k x up to 64 floats) that stays in the L2 cache while the
     * tiles stream past it: the im2col GEMM, which blocks k, is faster beyond that (7x7x512).
     * One or two vectors over a long window go to {@link NarrowConv}, whose gathered windows
     * and single loop down k measured 20% faster there (the MNIST input gradient, k = 576).
     */
    static boolean appliesForward(ConvLayout l) {
        boolean narrow = l.out() % PANEL != 0;
        return fits(l) && 4L * l.k() * Math.min(l.out(), PANEL) <= CACHED_BYTES && !(narrow && NarrowConv.applies(l));
    }

    /** As {@link #appliesForward}, with the whole [k, out] partial sum the row blocks add into in the L2 cache. */
    static boolean appliesFilter(ConvLayout l) {
        return fits(l) && 4L * l.k() * l.out() <= CACHED_BYTES;
    }

    private static boolean fits(ConvLayout l) {
        return l.groups() == 1 && !l.pointwise() && (l.out() % PANEL == 0 || l.out() == 2 * V || l.out() == V);
    }

    /** y [rows, out] = windows of x times w [k, out], plus bias [out] (none when null), then relu when {@code relu}. */
    static void forward(ConvLayout l, Tensor x, float[] w, int wOff, float[] y, float[] bias, boolean relu) {
        int rows = l.batch() * l.outSpatial();
        boolean wide = l.out() % PANEL == 0;
        int tileRows = wide ? WIDE_TILE_ROWS : TILE_ROWS;
        int tiles = (rows + tileRows - 1) / tileRows;
        Parallel.forGrains(tiles, GRAIN_TILES, () -> {
            int[] offsets = new int[tileRows * l.kernelVolume()];
            float[] scratch = new float[tileRows * l.k()];
            return (s, e) -> {
                for (int t = s; t < e; t++) {
                    int r0 = t * tileRows;
                    int n = Math.min(tileRows, rows - r0);
                    float[] src = windowOffsets(l, x, r0, n, tileRows, offsets, scratch);
                    if (wide) {
                        for (int j0 = 0; j0 < l.out(); j0 += PANEL) {
                            tile6x4(src, offsets, l.kernelVolume(), l.in(), w, wOff + j0, l.out(), y, r0 * l.out() + j0, n, bias, j0, relu);
                        }
                    } else {
                        tile4xNarrow(src, offsets, l.kernelVolume(), l.in(), w, wOff, l.out(), l.out() == 2 * V, y, r0 * l.out(), n,
                                bias, relu);
                    }
                }
            };
        });
    }

    /**
     * Fills offsets[p * tileRows + r] with where row r0 + r's window starts in the returned
     * array at kernel position p: the input itself when no window of the tile reads padding,
     * else a scratch the windows were gathered into. Rows past n repeat row r0 (read, never stored).
     */
    private static float[] windowOffsets(ConvLayout l, Tensor x, int r0, int n, int tileRows, int[] offsets, float[] scratch) {
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        for (int r = 0; r < tileRows; r++) {
            int row = r0 + (r < n ? r : 0);
            int o = row % l.outSpatial();
            int base = x.offset() + row / l.outSpatial() * l.inSpatial() * l.in();
            for (int p = 0; p < kv; p++) {
                int at = sources[o * kv + p];
                if (at < 0) {
                    ConvKernels.gather(l, x, r0, r0 + n, 0, scratch);
                    for (int rr = 0; rr < tileRows; rr++) {
                        for (int pp = 0; pp < kv; pp++) {
                            offsets[pp * tileRows + rr] = (rr < n ? rr : 0) * l.k() + pp * l.in();
                        }
                    }
                    return scratch;
                }
                offsets[p * tileRows + r] = base + at * l.in();
            }
        }
        return (float[]) x.storage();
    }

    /** 6 rows x 4 vectors of outputs: per window element 4 filter loads and 6 broadcasts for 24 FMAs. */
    private static void tile6x4(float[] src, int[] offsets, int kv, int c, float[] w, int wOff, int out,
                                float[] y, int yOff, int n, float[] bias, int biasOff, boolean relu) {
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        FloatVector a40 = a00, a41 = a00, a42 = a00, a43 = a00;
        FloatVector a50 = a00, a51 = a00, a52 = a00, a53 = a00;
        for (int p = 0; p < kv; p++) {
            int o0 = offsets[6 * p + 0];
            int o1 = offsets[6 * p + 1];
            int o2 = offsets[6 * p + 2];
            int o3 = offsets[6 * p + 3];
            int o4 = offsets[6 * p + 4];
            int o5 = offsets[6 * p + 5];
            int wq = wOff + p * c * out;
            for (int ci = 0; ci < c; ci++, wq += out) {
                FloatVector w0 = FloatVector.fromArray(F, w, wq);
                FloatVector w1 = FloatVector.fromArray(F, w, wq + V);
                FloatVector w2 = FloatVector.fromArray(F, w, wq + 2 * V);
                FloatVector w3 = FloatVector.fromArray(F, w, wq + 3 * V);
                FloatVector x0 = FloatVector.broadcast(F, src[o0 + ci]);
                a00 = w0.fma(x0, a00);
                a01 = w1.fma(x0, a01);
                a02 = w2.fma(x0, a02);
                a03 = w3.fma(x0, a03);
                FloatVector x1 = FloatVector.broadcast(F, src[o1 + ci]);
                a10 = w0.fma(x1, a10);
                a11 = w1.fma(x1, a11);
                a12 = w2.fma(x1, a12);
                a13 = w3.fma(x1, a13);
                FloatVector x2 = FloatVector.broadcast(F, src[o2 + ci]);
                a20 = w0.fma(x2, a20);
                a21 = w1.fma(x2, a21);
                a22 = w2.fma(x2, a22);
                a23 = w3.fma(x2, a23);
                FloatVector x3 = FloatVector.broadcast(F, src[o3 + ci]);
                a30 = w0.fma(x3, a30);
                a31 = w1.fma(x3, a31);
                a32 = w2.fma(x3, a32);
                a33 = w3.fma(x3, a33);
                FloatVector x4 = FloatVector.broadcast(F, src[o4 + ci]);
                a40 = w0.fma(x4, a40);
                a41 = w1.fma(x4, a41);
                a42 = w2.fma(x4, a42);
                a43 = w3.fma(x4, a43);
                FloatVector x5 = FloatVector.broadcast(F, src[o5 + ci]);
                a50 = w0.fma(x5, a50);
                a51 = w1.fma(x5, a51);
                a52 = w2.fma(x5, a52);
                a53 = w3.fma(x5, a53);
            }
        }
        a00.intoArray(y, yOff);
        a01.intoArray(y, yOff + V);
        a02.intoArray(y, yOff + 2 * V);
        a03.intoArray(y, yOff + 3 * V);
        if (n > 1) {
            a10.intoArray(y, yOff + out);
            a11.intoArray(y, yOff + out + V);
            a12.intoArray(y, yOff + out + 2 * V);
            a13.intoArray(y, yOff + out + 3 * V);
        }
        if (n > 2) {
            a20.intoArray(y, yOff + 2 * out);
            a21.intoArray(y, yOff + 2 * out + V);
            a22.intoArray(y, yOff + 2 * out + 2 * V);
            a23.intoArray(y, yOff + 2 * out + 3 * V);
        }
        if (n > 3) {
            a30.intoArray(y, yOff + 3 * out);
            a31.intoArray(y, yOff + 3 * out + V);
            a32.intoArray(y, yOff + 3 * out + 2 * V);
            a33.intoArray(y, yOff + 3 * out + 3 * V);
        }
        if (n > 4) {
            a40.intoArray(y, yOff + 4 * out);
            a41.intoArray(y, yOff + 4 * out + V);
            a42.intoArray(y, yOff + 4 * out + 2 * V);
            a43.intoArray(y, yOff + 4 * out + 3 * V);
        }
        if (n > 5) {
            a50.intoArray(y, yOff + 5 * out);
            a51.intoArray(y, yOff + 5 * out + V);
            a52.intoArray(y, yOff + 5 * out + 2 * V);
            a53.intoArray(y, yOff + 5 * out + 3 * V);
        }
        epilogue(y, yOff, n, out, PANEL, bias, biasOff, relu);
    }

    /** 4 rows x one vector of outputs, or two when {@code two} (a loop-invariant test the JIT hoists). */
    private static void tile4xNarrow(float[] src, int[] offsets, int kv, int c, float[] w, int wOff, int out, boolean two,
                                     float[] y, int yOff, int n, float[] bias, boolean relu) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int p = 0; p < kv; p++) {
            int o0 = offsets[4 * p];
            int o1 = offsets[4 * p + 1];
            int o2 = offsets[4 * p + 2];
            int o3 = offsets[4 * p + 3];
            int wq = wOff + p * c * out;
            for (int ci = 0; ci < c; ci++, wq += out) {
                FloatVector x0 = FloatVector.broadcast(F, src[o0 + ci]);
                FloatVector x1 = FloatVector.broadcast(F, src[o1 + ci]);
                FloatVector x2 = FloatVector.broadcast(F, src[o2 + ci]);
                FloatVector x3 = FloatVector.broadcast(F, src[o3 + ci]);
                FloatVector wa = FloatVector.fromArray(F, w, wq);
                a0 = wa.fma(x0, a0);
                a1 = wa.fma(x1, a1);
                a2 = wa.fma(x2, a2);
                a3 = wa.fma(x3, a3);
                if (two) {
                    FloatVector wb = FloatVector.fromArray(F, w, wq + V);
                    b0 = wb.fma(x0, b0);
                    b1 = wb.fma(x1, b1);
                    b2 = wb.fma(x2, b2);
                    b3 = wb.fma(x3, b3);
                }
            }
        }
        a0.intoArray(y, yOff);
        if (n > 1) {
            a1.intoArray(y, yOff + out);
        }
        if (n > 2) {
            a2.intoArray(y, yOff + 2 * out);
        }
        if (n > 3) {
            a3.intoArray(y, yOff + 3 * out);
        }
        if (two) {
            b0.intoArray(y, yOff + V);
            if (n > 1) {
                b1.intoArray(y, yOff + out + V);
            }
            if (n > 2) {
                b2.intoArray(y, yOff + 2 * out + V);
            }
            if (n > 3) {
                b3.intoArray(y, yOff + 3 * out + V);
            }
        }
        epilogue(y, yOff, n, out, out, bias, 0, relu);
    }


    /**
     * {@link #filterTile} for window elements q..q+3 that need not share a kernel position (few
     * channels: the first layer's one), and 1, 2 or 4 vectors of outputs; each element has its
     * own offset row, rows reading padding at one of them take 0 there, and elements past k
     * repeat the last one and are not stored.
     */
    private static void filterTileAnyChannels(float[] x, int[] offsets, int q, int c, int k, int m, int vectors,
                                              float[] dy, int dyOff, int out, float[] partial, int at, float[] tile) {
        int q1 = Math.min(q + 1, k - 1);
        int q2 = Math.min(q + 2, k - 1);
        int q3 = Math.min(q + 3, k - 1);
        int t0 = q / c * SUB_ROWS, t1 = q1 / c * SUB_ROWS, t2 = q2 / c * SUB_ROWS, t3 = q3 / c * SUB_ROWS;
        int c0 = q % c, c1 = q1 % c, c2 = q2 % c, c3 = q3 % c;
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int r = 0, d = dyOff; r < m; r++, d += out) {
            int o0 = offsets[t0 + r], o1 = offsets[t1 + r], o2 = offsets[t2 + r], o3 = offsets[t3 + r];
            float v0, v1, v2, v3;
            if ((o0 | o1 | o2 | o3) >= 0) {
                v0 = x[o0 + c0];
                v1 = x[o1 + c1];
                v2 = x[o2 + c2];
                v3 = x[o3 + c3];
            } else { // a window at the border
                v0 = o0 < 0 ? 0f : x[o0 + c0];
                v1 = o1 < 0 ? 0f : x[o1 + c1];
                v2 = o2 < 0 ? 0f : x[o2 + c2];
                v3 = o3 < 0 ? 0f : x[o3 + c3];
            }
            FloatVector x0 = FloatVector.broadcast(F, v0);
            FloatVector x1 = FloatVector.broadcast(F, v1);
            FloatVector x2 = FloatVector.broadcast(F, v2);
            FloatVector x3 = FloatVector.broadcast(F, v3);
            FloatVector d0 = FloatVector.fromArray(F, dy, d);
            a00 = d0.fma(x0, a00);
            a10 = d0.fma(x1, a10);
            a20 = d0.fma(x2, a20);
            a30 = d0.fma(x3, a30);
            if (vectors > 1) {
                FloatVector d1 = FloatVector.fromArray(F, dy, d + V);
                a01 = d1.fma(x0, a01);
                a11 = d1.fma(x1, a11);
                a21 = d1.fma(x2, a21);
                a31 = d1.fma(x3, a31);
            }
            if (vectors > 2) {
                FloatVector d2 = FloatVector.fromArray(F, dy, d + 2 * V);
                FloatVector d3 = FloatVector.fromArray(F, dy, d + 3 * V);
                a02 = d2.fma(x0, a02);
                a12 = d2.fma(x1, a12);
                a22 = d2.fma(x2, a22);
                a32 = d2.fma(x3, a32);
                a03 = d3.fma(x0, a03);
                a13 = d3.fma(x1, a13);
                a23 = d3.fma(x2, a23);
                a33 = d3.fma(x3, a33);
            }
        }
        // through a scratch tile: a helper taking the vectors as arguments would not be inlined, and would box them
        a00.intoArray(tile, 0);
        a01.intoArray(tile, V);
        a02.intoArray(tile, 2 * V);
        a03.intoArray(tile, 3 * V);
        a10.intoArray(tile, 4 * V);
        a11.intoArray(tile, 5 * V);
        a12.intoArray(tile, 6 * V);
        a13.intoArray(tile, 7 * V);
        a20.intoArray(tile, 8 * V);
        a21.intoArray(tile, 9 * V);
        a22.intoArray(tile, 10 * V);
        a23.intoArray(tile, 11 * V);
        a30.intoArray(tile, 12 * V);
        a31.intoArray(tile, 13 * V);
        a32.intoArray(tile, 14 * V);
        a33.intoArray(tile, 15 * V);
        for (int i = 0; i < 4 && q + i < k; i++) {
            RowAdd.add(partial, at + (q + i) * out, tile, 4 * V * i, vectors * V, 1);
        }
    }

    /**
     * Adds the bias to n stored rows of {@code width} outputs from y[at] (row stride out) and
     * applies relu when asked, while they are in the L1 cache. A pass over arrays rather than
     * over the accumulators: a helper taking vectors as arguments is not always inlined in a
     * method this size, and then boxes them.
     */
    private static void epilogue(float[] y, int at, int n, int out, int width, float[] bias, int biasOff, boolean relu) {
        if (bias == null && !relu) {
            return;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j += V) {
                int i = at + r * out + j;
                FloatVector v = FloatVector.fromArray(F, y, i);
                v = bias == null ? v : v.add(FloatVector.fromArray(F, bias, biasOff + j));
                (relu ? v.max(0f) : v).intoArray(y, i);
            }
        }
    }

    /**
     * dw [k, out] = sum over rows of window(row)^T dy[row, :] (see the class comment for the
     * order); and db [out] = the sum of dy's rows, each block's while it is in the L1 cache,
     * unless db is null.
     */
    static void backpropFilter(ConvLayout l, Tensor x, float[] dy, int dyOff, float[] dw, float[] db) {
        int rows = l.batch() * l.outSpatial();
        int k = l.k();
        int out = l.out();
        int blocks = (rows + SUM_ROWS - 1) / SUM_ROWS;
        float[] partial = new float[blocks * k * out];
        float[] biasPartial = new float[blocks * out];
        float[] xs = (float[]) x.storage();
        Parallel.forGrains(blocks, 1, () -> {
            int kv = l.kernelVolume();
            int c = l.in();
            int[] offsets = new int[kv * SUB_ROWS];
            int[] packedSrc = new int[kv * SUB_ROWS];
            int[] packedDy = new int[kv * SUB_ROWS];
            int[] counts = new int[kv];
            float[] tile = new float[16 * V];
            return (s, e) -> {
                for (int b = s; b < e; b++) {
                    int end = Math.min(rows, (b + 1) * SUM_ROWS);
                    for (int r0 = b * SUM_ROWS; r0 < end; r0 += SUB_ROWS) {
                        int m = Math.min(SUB_ROWS, end - r0);
                        if (db != null) {
                            BiasAddGrad.addRows(dy, dyOff + r0 * out, m, out, biasPartial, b * out);
                        }
                        rowOffsets(l, x.offset(), r0, m, offsets);
                        packValidRows(offsets, kv, m, out, packedSrc, packedDy, counts);
                        if (c % 4 == 0 && out % PANEL == 0) { // a quad of channels shares its kernel position's offsets
                            for (int p = 0; p < kv; p++) {
                                for (int ci = 0; ci < c; ci += 4) {
                                    for (int j0 = 0; j0 < out; j0 += PANEL) {
                                        filterTile(xs, packedSrc, packedDy, p * SUB_ROWS, counts[p], ci, dy, dyOff + r0 * out + j0, out,
                                                partial, b * k * out + (p * c + ci) * out + j0);
                                    }
                                }
                            }
                            continue;
                        }
                        int vectors = Math.min(4, out / V);
                        for (int q = 0; q < k; q += 4) {
                            for (int j0 = 0; j0 < out; j0 += vectors * V) {
                                filterTileAnyChannels(xs, offsets, q, c, k, m, vectors, dy, dyOff + r0 * out + j0, out,
                                        partial, b * k * out + j0, tile);
                            }
                        }
                    }
                }
            };
        });
        for (int b = 0; b < blocks; b++) {
            RowAdd.add(dw, 0, partial, b * k * out, k * out, 1);
            if (db != null) {
                RowAdd.add(db, 0, biasPartial, b * out, out, 1);
            }
        }
    }

    /** offsets[p * SUB_ROWS + r]: where row r0 + r's window reads the input at kernel position p, -1 for padding. */
    private static void rowOffsets(ConvLayout l, int xOff, int r0, int m, int[] offsets) {
        int kv = l.kernelVolume();
        int[] sources = l.sources();
        for (int r = 0; r < m; r++) {
            int row = r0 + r;
            int o = row % l.outSpatial();
            int base = xOff + row / l.outSpatial() * l.inSpatial() * l.in();
            for (int p = 0; p < kv; p++) {
                int at = sources[o * kv + p];
                offsets[p * SUB_ROWS + r] = at < 0 ? -1 : base + at * l.in();
            }
        }
    }

    /**
     * For each kernel position p, the rows whose window reads the input there (not padding),
     * packed: packedSrc[p * SUB_ROWS + j] their offsets, packedDy[..] their dy offsets (row x out),
     * counts[p] how many. The tile then runs down the packed rows without a branch: a padding
     * test in its loop, once taken, made the JIT recompile it 5x slower.
     */
    private static void packValidRows(int[] offsets, int kv, int m, int out, int[] packedSrc, int[] packedDy, int[] counts) {
        for (int p = 0; p < kv; p++) {
            int j = p * SUB_ROWS;
            for (int r = 0; r < m; r++) {
                int src = offsets[p * SUB_ROWS + r];
                packedSrc[j] = src;
                packedDy[j] = r * out;
                j += src >= 0 ? 1 : 0;
            }
            counts[p] = j - p * SUB_ROWS;
        }
    }

    /** partial[4 channels, 4 vectors] += sum over the packed rows of x[window + ci..ci+3]^T dy[row, panel]. */
    private static void filterTile(float[] x, int[] packedSrc, int[] packedDy, int oOff, int count, int ci, float[] dy, int dyOff,
                                   int out, float[] partial, int at) {
        FloatVector a00 = FloatVector.zero(F), a01 = a00, a02 = a00, a03 = a00;
        FloatVector a10 = a00, a11 = a00, a12 = a00, a13 = a00;
        FloatVector a20 = a00, a21 = a00, a22 = a00, a23 = a00;
        FloatVector a30 = a00, a31 = a00, a32 = a00, a33 = a00;
        for (int j = oOff; j < oOff + count; j++) {
            int src = packedSrc[j] + ci;
            int d = dyOff + packedDy[j];
            FloatVector d0 = FloatVector.fromArray(F, dy, d);
            FloatVector d1 = FloatVector.fromArray(F, dy, d + V);
            FloatVector d2 = FloatVector.fromArray(F, dy, d + 2 * V);
            FloatVector d3 = FloatVector.fromArray(F, dy, d + 3 * V);
            FloatVector x0 = FloatVector.broadcast(F, x[src]);
            a00 = d0.fma(x0, a00);
            a01 = d1.fma(x0, a01);
            a02 = d2.fma(x0, a02);
            a03 = d3.fma(x0, a03);
            FloatVector x1 = FloatVector.broadcast(F, x[src + 1]);
            a10 = d0.fma(x1, a10);
            a11 = d1.fma(x1, a11);
            a12 = d2.fma(x1, a12);
            a13 = d3.fma(x1, a13);
            FloatVector x2 = FloatVector.broadcast(F, x[src + 2]);
            a20 = d0.fma(x2, a20);
            a21 = d1.fma(x2, a21);
            a22 = d2.fma(x2, a22);
            a23 = d3.fma(x2, a23);
            FloatVector x3 = FloatVector.broadcast(F, x[src + 3]);
            a30 = d0.fma(x3, a30);
            a31 = d1.fma(x3, a31);
            a32 = d2.fma(x3, a32);
            a33 = d3.fma(x3, a33);
        }
        FloatVector.fromArray(F, partial, at).add(a00).intoArray(partial, at);
        FloatVector.fromArray(F, partial, at + V).add(a01).intoArray(partial, at + V);
        FloatVector.fromArray(F, partial, at + 2 * V).add(a02).intoArray(partial, at + 2 * V);
        FloatVector.fromArray(F, partial, at + 3 * V).add(a03).intoArray(partial, at + 3 * V);
        FloatVector.fromArray(F, partial, at + out).add(a10).intoArray(partial, at + out);
        FloatVector.fromArray(F, partial, at + out + V).add(a11).intoArray(partial, at + out + V);
        FloatVector.fromArray(F, partial, at + out + 2 * V).add(a12).intoArray(partial, at + out + 2 * V);
        FloatVector.fromArray(F, partial, at + out + 3 * V).add(a13).intoArray(partial, at + out + 3 * V);
        FloatVector.fromArray(F, partial, at + 2 * out).add(a20).intoArray(partial, at + 2 * out);
        FloatVector.fromArray(F, partial, at + 2 * out + V).add(a21).intoArray(partial, at + 2 * out + V);
        FloatVector.fromArray(F, partial, at + 2 * out + 2 * V).add(a22).intoArray(partial, at + 2 * out + 2 * V);
        FloatVector.fromArray(F, partial, at + 2 * out + 3 * V).add(a23).intoArray(partial, at + 2 * out + 3 * V);
        FloatVector.fromArray(F, partial, at + 3 * out).add(a30).intoArray(partial, at + 3 * out);
        FloatVector.fromArray(F, partial, at + 3 * out + V).add(a31).intoArray(partial, at + 3 * out + V);
        FloatVector.fromArray(F, partial, at + 3 * out + 2 * V).add(a32).intoArray(partial, at + 3 * out + 2 * V);
        FloatVector.fromArray(F, partial, at + 3 * out + 3 * V).add(a33).intoArray(partial, at + 3 * out + 3 * V);
    }
}
