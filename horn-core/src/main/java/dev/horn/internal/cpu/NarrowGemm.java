package dev.horn.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = op(A) op(B) for a C narrower than one vector: a classifier head's product (h · W2 with 10
 * classes) and its weight gradient (hᵀ · dY). {@link Gemm}'s kernel fills its 4-vector tile
 * along C's columns, so ten columns would waste most of the lanes; the transpose C^T = op(B)^T
 * op(A)^T fills them but packs op(A)^T, a scalar gather over all of A, and transposes C back.
 * Here op(B) is packed into one zero-padded vector per row of k (small: k x one vector), and
 * the micro-kernel keeps eight rows of C in eight accumulators, one broadcast of A and one fused
 * multiply-add per row and step of k, reading A where it lies.
 *
 * <p>Each element gets the operations {@link Gemm}'s kernel gives it: a fused multiply-add chain
 * over each block of {@link Gemm#KC} of k from zero, the blocks' sums added in order, then C's old
 * value when accumulating, then the epilogue. So the bits are those of the wide path and do not
 * depend on how the rows are split across threads.
 */
final class NarrowGemm {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    /** Rows of C per micro-kernel call. */
    private static final int ROWS = 8;
    private static final ThreadLocal<float[]> TILES = ThreadLocal.withInitial(() -> new float[2 * ROWS * V]);

    private NarrowGemm() {}

    /** Whether {@link Gemm#sgemm} computes this C here: narrower than a vector, with rows enough to fill the kernel. */
    static boolean takes(int m, int n) {
        return n < V && m >= 2 * V;
    }

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate,
                      GemmEpilogue epilogue) {
        float[] packed = new float[k * V];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                packed[p * V + j] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        int rowStep = transA ? 1 : lda;
        int colStep = transA ? lda : 1;
        int tiles = (m + ROWS - 1) / ROWS;
        Parallel.RangeBody body = (s, e) -> {
            for (int t = s; t < e; t++) {
                int i0 = t * ROWS;
                rows(a, aOff + i0 * rowStep, rowStep, colStep, Math.min(ROWS, m - i0), n, k, packed,
                        c, cOff + i0 * ldc, ldc, accumulate, epilogue);
            }
        };
        if (Parallel.threads() > 1 && (long) m * n * k >= Gemm.PARALLEL_THRESHOLD) {
            Parallel.forPieces(tiles, Parallel.PIECES_PER_THREAD * Parallel.threads(), body);
        } else {
            body.run(0, tiles);
        }
    }

    /** Up to eight rows of C: each block of k's chains into a scratch tile, summed over the blocks, then stored. */
    private static void rows(float[] a, int aStart, int rowStep, int colStep, int rows, int n, int k,
                             float[] packed, float[] c, int cStart, int ldc, boolean accumulate, GemmEpilogue epilogue) {
        float[] tiles = TILES.get();
        int sums = ROWS * V;
        for (int pc = 0; pc < k; pc += Gemm.KC) {
            int depth = Math.min(Gemm.KC, k - pc);
            if (rows == ROWS) {
                kernel8(a, aStart + pc * colStep, rowStep, colStep, depth, packed, pc * V, tiles);
            } else {
                for (int r = 0; r < rows; r++) {
                    kernel1(a, aStart + r * rowStep + pc * colStep, colStep, depth, packed, pc * V, tiles, r * V);
                }
            }
            for (int q = 0; q < rows * V; q++) {
                tiles[sums + q] = pc == 0 ? tiles[q] : tiles[sums + q] + tiles[q];
            }
        }
        for (int r = 0; r < rows; r++) {
            int row = cStart + r * ldc;
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[row + j] + tiles[sums + r * V + j] : tiles[sums + r * V + j];
                c[row + j] = epilogue == null ? sum : epilogue.value(sum, j);
            }
        }
    }

    /** tile[8, V] = A[8, depth] B[depth, V]; results to the scratch tile, so no vector crosses a call (they would be boxed). */
    private static void kernel8(float[] a, int aStart, int rowStep, int colStep, int depth, float[] packed, int bStart,
                                float[] tile) {
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int ap = aStart;
        for (int p = 0; p < depth; p++, ap += colStep) {
            FloatVector bv = FloatVector.fromArray(F, packed, bStart + p * V);
            c0 = FloatVector.broadcast(F, a[ap]).fma(bv, c0);
            c1 = FloatVector.broadcast(F, a[ap + rowStep]).fma(bv, c1);
            c2 = FloatVector.broadcast(F, a[ap + 2 * rowStep]).fma(bv, c2);
            c3 = FloatVector.broadcast(F, a[ap + 3 * rowStep]).fma(bv, c3);
            c4 = FloatVector.broadcast(F, a[ap + 4 * rowStep]).fma(bv, c4);
            c5 = FloatVector.broadcast(F, a[ap + 5 * rowStep]).fma(bv, c5);
            c6 = FloatVector.broadcast(F, a[ap + 6 * rowStep]).fma(bv, c6);
            c7 = FloatVector.broadcast(F, a[ap + 7 * rowStep]).fma(bv, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, V);
        c2.intoArray(tile, 2 * V);
        c3.intoArray(tile, 3 * V);
        c4.intoArray(tile, 4 * V);
        c5.intoArray(tile, 5 * V);
        c6.intoArray(tile, 6 * V);
        c7.intoArray(tile, 7 * V);
    }

    /** One leftover row: tile[at .. at + V) = A[1, depth] B[depth, V]. */
    private static void kernel1(float[] a, int aStart, int colStep, int depth, float[] packed, int bStart,
                                float[] tile, int at) {
        FloatVector acc = FloatVector.zero(F);
        int ap = aStart;
        for (int p = 0; p < depth; p++, ap += colStep) {
            acc = FloatVector.broadcast(F, a[ap]).fma(FloatVector.fromArray(F, packed, bStart + p * V), acc);
        }
        acc.intoArray(tile, at);
    }
}
