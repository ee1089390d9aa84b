package dev.horn.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * General matrix multiply, C = op(A) op(B) (+ C when {@code accumulate}), row-major, where
 * op(X) is X or its transpose. Every matmul in Horn lands here.
 *
 * <p>The float32 kernel follows GotoBLAS/BLIS: B is packed per KC x NC block into panels NR
 * columns wide (NR = four vectors of the widest species), A per MC x KC block row by row, and a
 * register-tiled micro-kernel keeps a 4 x NR tile of C in 16 vector accumulators while it
 * streams one packed row of B and broadcasts four elements of A per step. Packing absorbs the
 * transposes. Rows of C are split across cores when the product is large enough to repay the
 * hand-off. A very narrow C (a classifier head, N < one vector) is computed as its transpose,
 * C^T = op(B)^T op(A)^T, so the wide dimension fills the vectors.
 * (Measured facts behind these choices: the team's notes on CPU and GEMM.)
 */
public final class Gemm {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int MR = 4;
    private static final int NR = 4 * V;
    private static final int KC = 512;
    private static final int MC = 192;
    private static final int NC = 4096;
    /** Below this many multiply-adds one core does the whole product. */
    public static final long PARALLEL_THRESHOLD = 1L << 19;

    private static final ThreadLocal<float[]> PACKED_A = ThreadLocal.withInitial(() -> new float[MC * KC]);
    private static final ThreadLocal<float[][]> PACKED_B = ThreadLocal.withInitial(() -> new float[1][0]);

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
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (n < V && m >= 2 * V) {
            narrow(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        float[] packedB = packedB(Math.min(KC, k) * roundUp(Math.min(NC, n), NR));
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, packedB);
                boolean add = accumulate || pc > 0;
                int jcFinal = jc;
                int pcFinal = pc;
                long work = (long) m * nc * kc;
                int rowBlocks = (m + MR - 1) / MR;
                if (work >= PARALLEL_THRESHOLD && Parallel.THREADS > 1) {
                    Parallel.forRange(rowBlocks, 1, (s, e) -> rows(transA, a, aOff, lda, s * MR, Math.min(m, e * MR),
                            pcFinal, kc, jcFinal, nc, packedB, c, cOff, ldc, add));
                } else {
                    rows(transA, a, aOff, lda, 0, m, pc, kc, jc, nc, packedB, c, cOff, ldc, add);
                }
            }
        }
    }

    /** Rows [i0, i1) of C for one packed block of B: pack A in MC-row blocks and run the micro-kernels. */
    private static void rows(boolean transA, float[] a, int aOff, int lda, int i0, int i1, int pc, int kc,
                             int jc, int nc, float[] packedB, float[] c, int cOff, int ldc, boolean add) {
        float[] packedA = PACKED_A.get();
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            packA(transA, a, aOff, lda, ic, mc, pc, kc, packedA);
            for (int jr = 0; jr < nc; jr += NR) {
                int nr = Math.min(NR, nc - jr);
                int panel = (jr / NR) * kc * NR;
                int ir = 0;
                for (; ir + MR <= mc; ir += MR) {
                    kernel4(packedA, ir * kc, kc, packedB, panel, c, cOff + (ic + ir) * ldc + jc + jr, ldc, nr, add);
                }
                for (; ir < mc; ir++) {
                    kernel1(packedA, ir * kc, kc, packedB, panel, c, cOff + (ic + ir) * ldc + jc + jr, nr, add);
                }
            }
        }
    }

    /** C[4, nr] (+)= A[4, kc] B[kc, NR]: sixteen accumulators, one packed row of B per step. */
    private static void kernel4(float[] pa, int aStart, int kc, float[] pb, int bStart, float[] c, int cStart,
                                int ldc, int nr, boolean add) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a0 = aStart;
        int a1 = aStart + kc;
        int a2 = aStart + 2 * kc;
        int a3 = aStart + 3 * kc;
        for (int p = 0; p < kc; p++) {
            int bp = bStart + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, pb, bp);
            FloatVector b1 = FloatVector.fromArray(F, pb, bp + V);
            FloatVector b2 = FloatVector.fromArray(F, pb, bp + 2 * V);
            FloatVector b3 = FloatVector.fromArray(F, pb, bp + 3 * V);
            FloatVector x = FloatVector.broadcast(F, pa[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(F, pa[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(F, pa[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(F, pa[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        store(c, cStart, nr, add, c00, c01, c02, c03);
        store(c, cStart + ldc, nr, add, c10, c11, c12, c13);
        store(c, cStart + 2 * ldc, nr, add, c20, c21, c22, c23);
        store(c, cStart + 3 * ldc, nr, add, c30, c31, c32, c33);
    }

    /** One leftover row: C[1, nr] (+)= A[1, kc] B[kc, NR]. */
    private static void kernel1(float[] pa, int aStart, int kc, float[] pb, int bStart, float[] c, int cStart,
                                int nr, boolean add) {
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0; p < kc; p++) {
            int bp = bStart + p * NR;
            FloatVector x = FloatVector.broadcast(F, pa[aStart + p]);
            c0 = x.fma(FloatVector.fromArray(F, pb, bp), c0);
            c1 = x.fma(FloatVector.fromArray(F, pb, bp + V), c1);
            c2 = x.fma(FloatVector.fromArray(F, pb, bp + 2 * V), c2);
            c3 = x.fma(FloatVector.fromArray(F, pb, bp + 3 * V), c3);
        }
        store(c, cStart, nr, add, c0, c1, c2, c3);
    }

    private static void store(float[] c, int start, int nr, boolean add,
                              FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        if (nr == NR) {
            if (add) {
                v0 = v0.add(FloatVector.fromArray(F, c, start));
                v1 = v1.add(FloatVector.fromArray(F, c, start + V));
                v2 = v2.add(FloatVector.fromArray(F, c, start + 2 * V));
                v3 = v3.add(FloatVector.fromArray(F, c, start + 3 * V));
            }
            v0.intoArray(c, start);
            v1.intoArray(c, start + V);
            v2.intoArray(c, start + 2 * V);
            v3.intoArray(c, start + 3 * V);
            return;
        }
        storePart(c, start, nr, add, v0, 0);
        storePart(c, start, nr, add, v1, V);
        storePart(c, start, nr, add, v2, 2 * V);
        storePart(c, start, nr, add, v3, 3 * V);
    }

    private static void storePart(float[] c, int start, int nr, boolean add, FloatVector v, int col) {
        if (col >= nr) {
            return;
        }
        VectorMask<Float> m = F.indexInRange(col, nr);
        if (add) {
            v = v.add(FloatVector.fromArray(F, c, start + col, m));
        }
        v.intoArray(c, start + col, m);
    }

    /** op(A)[ic:ic+mc, pc:pc+kc] into row-major mc x kc. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] out) {
        if (!transA) {
            for (int i = 0; i < mc; i++) {
                System.arraycopy(a, aOff + (ic + i) * lda + pc, out, i * kc, kc);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int row = aOff + (pc + p) * lda + ic;
                for (int i = 0; i < mc; i++) {
                    out[i * kc + p] = a[row + i];
                }
            }
        }
    }

    /** op(B)[pc:pc+kc, jc:jc+nc] into panels of NR columns, each kc rows of NR floats, zero-padded. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] out) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int panel = (jr / NR) * kc * NR;
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

    /** C (m x n, n narrow) through its transpose: C^T = op(B)^T op(A)^T, then transposed back. */
    private static void narrow(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                               float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
        float[] ct = new float[n * m];
        sgemm(!transB, !transA, n, m, k, b, bOff, ldb, a, aOff, lda, ct, 0, m, false);
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = accumulate ? c[row + j] + ct[j * m + i] : ct[j * m + i];
            }
        }
    }

    private static float[] packedB(int size) {
        float[][] holder = PACKED_B.get();
        if (holder[0].length < size) {
            holder[0] = new float[size];
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
