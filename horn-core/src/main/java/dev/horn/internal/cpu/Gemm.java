package dev.horn.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * General matrix multiply, C = op(A) op(B) (+ C when {@code accumulate}), row-major, where
 * op(X) is X or its transpose. Every matmul in Horn lands here.
 *
 * <p>The float32 kernel follows GotoBLAS/BLIS: B is packed per KC x NC block into panels NR
 * columns wide (NR = four vectors of the widest species; packing absorbs B's transpose), and a
 * register-tiled micro-kernel keeps a 4 x NR tile of C in 16 vector accumulators while it
 * streams one packed row of B and broadcasts four elements of A per step, read from A where it
 * lies (MC rows at a time). C is split across cores, once per call, when the product is large
 * enough to repay the hand-off. A C narrower than a vector (a classifier head) has a kernel of its
 * own ({@link NarrowGemm}) with the same bits. A B whose writer
 * keeps it packed ({@link PackedOperands}: a dense layer's kernel under a fused optimizer update)
 * is read from that copy, not packed again.
 * (Measured facts behind these choices: the team's notes on CPU and GEMM.)
 */
public final class Gemm {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int MR = 4;
    /** Width of a packed panel of B, the micro-kernel's tile width: four vectors. */
    static final int NR = 4 * V;
    /** Rows of B per packed block: each sum is one multiply-add chain per block ({@link NarrowGemm} keeps them too). */
    static final int KC = 512;
    private static final int MC = 192;
    /**
     * Rows of a packed panel one pass of the row tiles reads: KS x NR floats (32 KB) stay in L1
     * while every row tile of an MC block passes over them, where a whole KC-deep panel (128 KB)
     * came from L2 once per tile. The tiles' sums are carried from pass to pass in a scratch
     * block, so each sum is still one multiply-add chain per KC block, the same bits.
     */
    static final int KS = 128;
    private static final int NC = 4096;
    /** Below this many multiply-adds one core does the whole product. */
    public static final long PARALLEL_THRESHOLD = 1L << 19;

    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MC * NR + CacheLines.FLOATS]);
    /** The sums a chain starts from. */
    private static final float[] ZEROS = new float[MR * NR];
    private static final ThreadLocal<float[][]> PACKED_B = ThreadLocal.withInitial(() -> new float[1][0]);
    private static final ThreadLocal<float[][]> STRIP = ThreadLocal.withInitial(() -> new float[1][0]);

    private Gemm() {}

    /**
     * @param m rows of op(A) and C
     * @param n columns of op(B) and C
     * @param k columns of op(A), rows of op(B)
     * @param lda row stride of A as stored (k when not transposed, m when transposed)
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, null);
    }

    /** {@link #sgemm} whose stores of the finished sums go through {@code epilogue} (null: none). */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate, GemmEpilogue epilogue) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            if (epilogue != null) {
                epilogue.applyTo(c, cOff, ldc, m, n);
            }
            return;
        }
        if (NarrowGemm.takes(m, n)) {
            NarrowGemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue);
            return;
        }
        PackedOperands.Copy packed = transB ? null : PackedOperands.lookup(b, bOff, ldb, k, n);
        if (Parallel.threads() > 1 && (long) m * n * k >= PARALLEL_THRESHOLD) {
            parallel(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue, packed);
        } else {
            blocked(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, 0, packed, c, cOff, ldc, accumulate, epilogue);
        }
    }

    /**
     * Whether {@link #sgemm(boolean, boolean, int, int, int, float[], int, int, float[], int, int, GemmSink)}
     * takes this product: one block of k, so the sums are whole when a tile leaves the kernel and
     * no partial C has to be kept, and a C that {@link #sgemm} does not hand to {@link NarrowGemm}
     * (narrower than a vector, where the tile's lanes would be mostly padding).
     */
    public static boolean sinks(int m, int n, int k) {
        return k > 0 && k <= KC && m > 0 && n > 0 && !NarrowGemm.takes(m, n);
    }

    /**
     * C = op(A) op(B) handed to {@code sink} instead of stored (see {@link GemmSink}): the same
     * micro-kernel and sums as {@link #sgemm}, so the sink sees the bits C would hold, in strips
     * of four whole rows. A sink that reads and writes arrays shaped like C (an optimizer's
     * weight and slots) then walks them row by row as a stream; handed tiles of one panel, it
     * read them 64 floats per 2 KB row and ran 11% slower than the product and a separate pass.
     * So B is packed once, up front, and the threads split C by rows, each computing a strip's
     * panels one after another while the strip's A stays in L1. Only for products
     * {@link #sinks} accepts.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb, GemmSink sink) {
        if (!sinks(m, n, k)) {
            throw new IllegalArgumentException("a GEMM sink needs 0 < k <= " + KC + " and a C the tiled kernel computes"
                    + " (not one narrower than a vector), got " + m + "x" + n + "x" + k);
        }
        int rowStep = transA ? 1 : lda;
        int colStep = transA ? lda : 1;
        int strips = (m + MR - 1) / MR;
        boolean split = Parallel.threads() > 1 && (long) m * n * k >= PARALLEL_THRESHOLD;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            float[] packedB = packedB(k * roundUp(nc, NR));
            int start = CacheLines.firstAligned(packedB);
            packB(transB, b, bOff, ldb, 0, k, jc, nc, packedB, start);
            int j0 = jc;
            Parallel.RangeBody body = (s, e) ->
                    strips(a, aOff, rowStep, colStep, s * MR, Math.min(m, e * MR), k, j0, nc, packedB, start, sink);
            if (split) {
                Parallel.forPieces(strips, Parallel.PIECES_PER_THREAD * Parallel.threads(), body);
            } else {
                body.run(0, strips);
            }
        }
    }

    /**
     * Rows [i0, i1) of C over one packed block of B (all of k, from {@code start}), four rows at a
     * time, each strip to the sink.
     */
    private static void strips(float[] a, int aOff, int rowStep, int colStep, int i0, int i1, int kc, int jc, int nc,
                               float[] packedB, int start, GemmSink sink) {
        float[] tile = TILE.get();
        int t0 = CacheLines.firstAligned(tile);
        float[] strip = strip(MR * nc);
        for (int i = i0; i < i1; i += MR) {
            int rows = Math.min(MR, i1 - i);
            for (int jr = 0; jr < nc; jr += NR) {
                int panel = start + (jr / NR) * kc * NR;
                if (rows == MR) {
                    kernel4(a, aOff + i * rowStep, rowStep, colStep, kc, packedB, panel, ZEROS, 0, tile, t0);
                } else {
                    for (int r = 0; r < rows; r++) {
                        kernel1(a, aOff + (i + r) * rowStep, colStep, kc, packedB, panel, ZEROS, 0, tile, t0);
                        System.arraycopy(tile, t0, strip, r * nc + jr, Math.min(NR, nc - jr));
                    }
                    continue;
                }
                int width = Math.min(NR, nc - jr);
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(tile, t0 + r * NR, strip, r * nc + jr, width);
                }
            }
            sink.accept(i, jc, rows, nc, strip, 0, nc);
        }
    }

    private static float[] strip(int size) {
        float[][] holder = STRIP.get();
        if (holder[0].length < size) {
            holder[0] = new float[size];
        }
        return holder[0];
    }

    /**
     * Splits C into independent products, one hand-off per call, each piece packing its own
     * part of B: by panels of columns, where nothing is packed twice (A is read in place), unless
     * there are fewer panels than threads; then by blocks of rows, every piece packing all of B.
     * The threads claim pieces one at a time ({@link Parallel#forPieces}): up to
     * {@link Parallel#PIECES_PER_THREAD} per thread, so a worker that starts late costs a piece's time, not
     * half the product's. Splitting once per call rather than per packed block of B saves a
     * hand-off per block and lets the workers pack in parallel. Every element is computed by the
     * same sequence of operations whatever the split, so results do not depend on the thread count.
     */
    private static void parallel(boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate, GemmEpilogue epilogue,
                                 PackedOperands.Copy packed) {
        int threads = Parallel.threads();
        int panels = (n + NR - 1) / NR;
        int rowBlocks = (m + MR - 1) / MR;
        if (panels >= threads) {
            Parallel.forPieces(panels, Parallel.PIECES_PER_THREAD * threads, (s, e) -> {
                int j0 = s * NR;
                blocked(transA, transB, m, Math.min(n, e * NR) - j0, k, a, aOff, lda,
                        b, transB ? bOff + j0 * ldb : bOff + j0, ldb, j0, packed, c, cOff + j0, ldc, accumulate,
                        epilogue == null ? null : epilogue.from(j0));
            });
        } else {
            // each piece packs all of B (at most one panel wide here), so fewer, larger pieces
            Parallel.forPieces(rowBlocks, 2 * threads, (s, e) -> {
                int i0 = s * MR;
                blocked(transA, transB, Math.min(m, e * MR) - i0, n, k, a, transA ? aOff + i0 : aOff + i0 * lda, lda,
                        b, bOff, ldb, 0, packed, c, cOff + i0 * ldc, ldc, accumulate, epilogue);
            });
        }
    }

    /**
     * The product on the calling thread: GotoBLAS/BLIS blocking over packed B and packed A.
     * {@code packed}, when not null, is all of a wider B (its {@link PackedOperands} copy, in
     * {@link #packRows}' layout) of which this product's B starts at column {@code col0}: its
     * panels are read where they lie instead of packing B again. Either way the panels start on
     * a cache line where {@link CacheLines} knows where that is.
     */
    private static void blocked(boolean transA, boolean transB, int m, int n, int k,
                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb, int col0,
                                PackedOperands.Copy packed, float[] c, int cOff, int ldc, boolean accumulate,
                                GemmEpilogue epilogue) {
        float[] packedB = packed != null ? packed.floats() : packedB(Math.min(KC, k) * roundUp(Math.min(NC, n), NR));
        int start = packed != null ? packed.start() : CacheLines.firstAligned(packedB);
        int width = packed == null ? 0 : roundUp(ldb, NR);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                int panels = start;
                if (packed == null) {
                    packB(transB, b, bOff, ldb, pc, kc, jc, nc, packedB, start);
                } else {
                    panels += pc * width + (col0 + jc) / NR * kc * NR;
                }
                // the epilogue goes with the last block of k, when the sums are whole
                GemmEpilogue last = pc + kc == k && epilogue != null ? epilogue.from(jc) : null;
                rows(transA, a, aOff, lda, 0, m, pc, kc, jc, nc, packedB, panels, c, cOff, ldc, accumulate || pc > 0, last);
            }
        }
    }

    /**
     * Rows [i0, i1) of C for one packed block of B, in MC-row blocks. The micro-kernels read A
     * where it lies: element (i, p) of op(A) is at {@code rowStep * i + colStep * p} from the
     * block's corner, so a transposed A is read four neighbouring floats per step rather than
     * gathered into a packed copy first (the gather took a seventh of a weight gradient's time,
     * and copying an untransposed A bought nothing: its rows are contiguous already).
     */
    private static void rows(boolean transA, float[] a, int aOff, int lda, int i0, int i1, int pc, int kc,
                             int jc, int nc, float[] packedB, int panels, float[] c, int cOff, int ldc, boolean add,
                             GemmEpilogue epilogue) {
        float[] tile = TILE.get();
        int t0 = CacheLines.firstAligned(tile);
        int rowStep = transA ? 1 : lda;
        int colStep = transA ? lda : 1;
        int corner = transA ? aOff + pc * lda : aOff + pc;
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int panel = panels + (jr / NR) * kc * NR;
                // one pass: each tile's sums in one place, stored at once; several: row r's sums at row r
                boolean passes = kc > KS;
                for (int ks = 0; ks < kc; ks += KS) {
                    int depth = Math.min(KS, kc - ks);
                    boolean last = ks + depth == kc;
                    int ir = 0;
                    for (; ir + MR <= mc; ir += MR) {
                        int at = passes ? t0 + ir * NR : t0;
                        kernel4(a, corner + (ic + ir) * rowStep + ks * colStep, rowStep, colStep, depth, packedB,
                                panel + ks * NR, ks == 0 ? ZEROS : tile, ks == 0 ? 0 : at, tile, at);
                        if (last) {
                            storeTile(tile, at, MR, c, cOff + (ic + ir) * ldc + jc + jr, ldc, nr, add, epilogue, jr);
                        }
                    }
                    for (; ir < mc; ir++) {
                        int at = passes ? t0 + ir * NR : t0;
                        kernel1(a, corner + (ic + ir) * rowStep + ks * colStep, colStep, depth, packedB,
                                panel + ks * NR, ks == 0 ? ZEROS : tile, ks == 0 ? 0 : at, tile, at);
                        if (last) {
                            storeTile(tile, at, 1, c, cOff + (ic + ir) * ldc + jc + jr, ldc, nr, add, epilogue, jr);
                        }
                    }
                }
            }
        }
    }

    /**
     * tile[4, NR] = from[4, NR] + A[4, kc] B[kc, NR]: sixteen accumulators, loaded from
     * {@code from} (zeros to start a chain, the sums so far to go on with one: stored and
     * reloaded, they are the same bits), one packed row of B per step. The result goes to a
     * scratch tile, and {@link #storeTile} moves it into C: a vector handed to a
     * method C2 does not inline, or merged from two branches, is boxed, and that boxing reached
     * the accumulators of the loop and made the kernel ten times slower. The tile starts at
     * {@code t0}, on a cache line where {@link CacheLines} knows where that is.
     */
    private static void kernel4(float[] a, int aStart, int rowStep, int colStep, int kc, float[] pb, int bStart,
                                float[] from, int f0, float[] tile, int t0) {
        FloatVector c00 = FloatVector.fromArray(F, from, f0), c01 = FloatVector.fromArray(F, from, f0 + V);
        FloatVector c02 = FloatVector.fromArray(F, from, f0 + 2 * V), c03 = FloatVector.fromArray(F, from, f0 + 3 * V);
        FloatVector c10 = FloatVector.fromArray(F, from, f0 + NR), c11 = FloatVector.fromArray(F, from, f0 + NR + V);
        FloatVector c12 = FloatVector.fromArray(F, from, f0 + NR + 2 * V), c13 = FloatVector.fromArray(F, from, f0 + NR + 3 * V);
        FloatVector c20 = FloatVector.fromArray(F, from, f0 + 2 * NR), c21 = FloatVector.fromArray(F, from, f0 + 2 * NR + V);
        FloatVector c22 = FloatVector.fromArray(F, from, f0 + 2 * NR + 2 * V);
        FloatVector c23 = FloatVector.fromArray(F, from, f0 + 2 * NR + 3 * V);
        FloatVector c30 = FloatVector.fromArray(F, from, f0 + 3 * NR), c31 = FloatVector.fromArray(F, from, f0 + 3 * NR + V);
        FloatVector c32 = FloatVector.fromArray(F, from, f0 + 3 * NR + 2 * V);
        FloatVector c33 = FloatVector.fromArray(F, from, f0 + 3 * NR + 3 * V);
        int ap = aStart;
        for (int p = 0; p < kc; p++, ap += colStep) {
            int bp = bStart + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, pb, bp);
            FloatVector b1 = FloatVector.fromArray(F, pb, bp + V);
            FloatVector b2 = FloatVector.fromArray(F, pb, bp + 2 * V);
            FloatVector b3 = FloatVector.fromArray(F, pb, bp + 3 * V);
            FloatVector x = FloatVector.broadcast(F, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(F, a[ap + rowStep]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(F, a[ap + 2 * rowStep]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(F, a[ap + 3 * rowStep]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        c00.intoArray(tile, t0 + 0);
        c01.intoArray(tile, t0 + V);
        c02.intoArray(tile, t0 + 2 * V);
        c03.intoArray(tile, t0 + 3 * V);
        c10.intoArray(tile, t0 + NR);
        c11.intoArray(tile, t0 + NR + V);
        c12.intoArray(tile, t0 + NR + 2 * V);
        c13.intoArray(tile, t0 + NR + 3 * V);
        c20.intoArray(tile, t0 + 2 * NR);
        c21.intoArray(tile, t0 + 2 * NR + V);
        c22.intoArray(tile, t0 + 2 * NR + 2 * V);
        c23.intoArray(tile, t0 + 2 * NR + 3 * V);
        c30.intoArray(tile, t0 + 3 * NR);
        c31.intoArray(tile, t0 + 3 * NR + V);
        c32.intoArray(tile, t0 + 3 * NR + 2 * V);
        c33.intoArray(tile, t0 + 3 * NR + 3 * V);
    }

    /** One leftover row: tile[1, NR] = from[1, NR] + A[1, kc] B[kc, NR]. */
    private static void kernel1(float[] a, int aStart, int colStep, int kc, float[] pb, int bStart, float[] from, int f0,
                                float[] tile, int t0) {
        FloatVector c0 = FloatVector.fromArray(F, from, f0), c1 = FloatVector.fromArray(F, from, f0 + V);
        FloatVector c2 = FloatVector.fromArray(F, from, f0 + 2 * V), c3 = FloatVector.fromArray(F, from, f0 + 3 * V);
        int ap = aStart;
        for (int p = 0; p < kc; p++, ap += colStep) {
            int bp = bStart + p * NR;
            FloatVector x = FloatVector.broadcast(F, a[ap]);
            c0 = x.fma(FloatVector.fromArray(F, pb, bp), c0);
            c1 = x.fma(FloatVector.fromArray(F, pb, bp + V), c1);
            c2 = x.fma(FloatVector.fromArray(F, pb, bp + 2 * V), c2);
            c3 = x.fma(FloatVector.fromArray(F, pb, bp + 3 * V), c3);
        }
        c0.intoArray(tile, t0);
        c1.intoArray(tile, t0 + V);
        c2.intoArray(tile, t0 + 2 * V);
        c3.intoArray(tile, t0 + 3 * V);
    }

    /**
     * C[rows, nr] = tile (or += tile when {@code add}), then the epilogue when there is one (the
     * tile's first column is column {@code col0} of the epilogue's); columns past nr are left
     * alone. A full tile stores whole vectors: a masked store checks its mask against the array's
     * bounds on every call ({@code firstTrue}), which took a twelfth of the GEMM's time.
     */
    private static void storeTile(float[] tile, int t0, int rows, float[] c, int cStart, int ldc, int nr, boolean add,
                                  GemmEpilogue epilogue, int col0) {
        if (epilogue != null) {
            storeTileThrough(tile, t0, rows, c, cStart, ldc, nr, add, epilogue, col0);
        } else if (nr == NR) {
            storeFullTile(tile, t0, rows, c, cStart, ldc, add);
        } else {
            for (int r = 0; r < rows; r++) {
                int t = t0 + r * NR;
                int at = cStart + r * ldc;
                for (int col = 0; col < nr; col += V) {
                    VectorMask<Float> m = F.indexInRange(col, nr);
                    FloatVector v = FloatVector.fromArray(F, tile, t + col);
                    if (add) {
                        v.add(FloatVector.fromArray(F, c, at + col, m)).intoArray(c, at + col, m);
                    } else {
                        v.intoArray(c, at + col, m);
                    }
                }
            }
        }
    }

    private static void storeFullTile(float[] tile, int t0, int rows, float[] c, int cStart, int ldc, boolean add) {
        for (int r = 0; r < rows; r++) {
            int t = t0 + r * NR;
            int at = cStart + r * ldc;
            for (int col = 0; col < NR; col += V) {
                FloatVector v = FloatVector.fromArray(F, tile, t + col);
                if (add) {
                    v = v.add(FloatVector.fromArray(F, c, at + col));
                }
                v.intoArray(c, at + col);
            }
        }
    }

    /** {@link #storeTile} with the bias added (and relu) after the sum is whole, as separate ops would. */
    private static void storeTileThrough(float[] tile, int t0, int rows, float[] c, int cStart, int ldc, int nr, boolean add,
                                         GemmEpilogue epilogue, int col0) {
        float[] bias = epilogue.bias();
        int b0 = epilogue.biasOffset() + col0;
        // relu is max(v, 0); without it max(v, -inf), which is v itself (NaN too): no vector merged from two branches
        float floor = epilogue.relu() ? 0f : Float.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            int t = t0 + r * NR;
            int at = cStart + r * ldc;
            int col = 0;
            for (; col + V <= nr; col += V) { // whole vectors unmasked: a masked store checks its bounds every call
                FloatVector v = FloatVector.fromArray(F, tile, t + col);
                if (add) {
                    v = v.add(FloatVector.fromArray(F, c, at + col));
                }
                v.add(FloatVector.fromArray(F, bias, b0 + col)).max(floor).intoArray(c, at + col);
            }
            if (col < nr) {
                VectorMask<Float> m = F.indexInRange(col, nr);
                FloatVector v = FloatVector.fromArray(F, tile, t + col);
                if (add) {
                    v = v.add(FloatVector.fromArray(F, c, at + col, m));
                }
                v.add(FloatVector.fromArray(F, bias, b0 + col, m)).max(floor).intoArray(c, at + col, m);
            }
        }
    }

    /**
     * Floats a packed copy of all of a k x n B holds: for each block of KC rows, the panels
     * {@link #packB} makes of it, one after another, each zero-padded to NR columns.
     */
    public static int packedSize(int k, int n) {
        return k * roundUp(n, NR);
    }

    /**
     * Rows [row0, row0 + rows) x columns [col0, col0 + cols) of a row-major k x n B (element (p, j)
     * at {@code src[srcOff + (p - row0) * lds + j - col0]}) into {@code packed}, a zeroed array
     * holding {@link #packedSize} floats from {@code start} in the layout the products read
     * ({@link PackedOperands}): a writer of B that packs every row as it writes it keeps the copy
     * current. Columns past n, the panels' padding, are never written, so they stay zero.
     */
    public static void packRows(float[] src, int srcOff, int lds, int k, int n, int row0, int rows, int col0, int cols,
                                float[] packed, int start) {
        int width = roundUp(n, NR);
        for (int r = 0; r < rows; r++) {
            int p = row0 + r;
            int pc = p / KC * KC;
            int kc = Math.min(KC, k - pc);
            int at = srcOff + r * lds;
            for (int j = col0; j < col0 + cols; ) {
                int panelEnd = Math.min(col0 + cols, (j / NR + 1) * NR);
                int dst = start + pc * width + j / NR * kc * NR + (p - pc) * NR + j % NR;
                System.arraycopy(src, at + j - col0, packed, dst, panelEnd - j);
                j = panelEnd;
            }
        }
    }

    /** op(B)[pc:pc+kc, jc:jc+nc] into panels of NR columns from {@code out[start]}, each kc rows of NR floats, zero-padded. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] out,
                              int start) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int panel = start + (jr / NR) * kc * NR;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr;
                    int dst = panel + p * NR;
                    System.arraycopy(b, src, out, dst, nr);
                    if (nr < NR) {
                        java.util.Arrays.fill(out, dst + nr, dst + NR, 0f);
                    }
                }
            } else {
                for (int j = 0; j < NR; j++) {
                    if (j < nr) {
                        int src = bOff + (jc + jr + j) * ldb + pc;
                        for (int p = 0; p < kc; p++) {
                            out[panel + p * NR + j] = b[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            out[panel + p * NR + j] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** This thread's buffer for packed B, with room to start {@code size} floats on a cache line. */
    private static float[] packedB(int size) {
        float[][] holder = PACKED_B.get();
        if (holder[0].length < size + CacheLines.FLOATS) {
            holder[0] = new float[size + CacheLines.FLOATS];
        }
        return holder[0];
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Double precision: the reference path (gradient checks, float64 models). */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            }
            for (int p = 0; p < k; p++) {
                double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
            }
        }
    }
}
