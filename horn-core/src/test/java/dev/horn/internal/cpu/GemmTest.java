package dev.horn.internal.cpu;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The float32 GEMM against a naive double-precision reference, across shapes, transposes, offsets and accumulation. */
class GemmTest {
    static Stream<Arguments> shapes() {
        int[][] mkn = {
            {1, 1, 1}, {7, 13, 17}, {4, 64, 64}, {33, 129, 65}, {129, 257, 33}, {5, 600, 70}, {128, 784, 10},
            {64, 1152, 64}, {17, 3, 129}, {300, 40, 5}, {2, 1030, 257}, {257, 64, 1}, {200, 520, 300}};
        return GemmShapes.withTransposes(mkn);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void matchesTheNaiveReference(int m, int k, int n, boolean transA, boolean transB) {
        Random random = new Random(m * 31 + k * 7 + n);
        int aOff = 3;
        int bOff = 5;
        int cOff = 2;
        int lda = (transA ? m : k) + 1; // padded leading dimensions
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        float[] a = GemmShapes.uniform(random, aOff + (transA ? k : m) * lda);
        float[] b = GemmShapes.uniform(random, bOff + (transB ? n : k) * ldb);
        float[] c = GemmShapes.uniform(random, cOff + m * ldc);
        float[] original = c.clone();
        for (boolean accumulate : new boolean[] {false, true}) {
            float[] out = original.clone();
            Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, out, cOff, ldc, accumulate);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double want = accumulate ? original[cOff + i * ldc + j] : 0;
                    double scale = 1;
                    for (int p = 0; p < k; p++) {
                        double x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        double y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                        want += x * y;
                        scale += Math.abs(x * y);
                    }
                    double got = out[cOff + i * ldc + j];
                    if (Math.abs(got - want) > 1e-5 * scale) {
                        fail("C[%d,%d] = %s, expected %s (accumulate=%s)", i, j, got, want, accumulate);
                    }
                }
                // padding between rows is untouched
                for (int j = n; j < ldc && cOff + i * ldc + j < out.length; j++) {
                    if (out[cOff + i * ldc + j] != original[cOff + i * ldc + j]) {
                        fail("padding C[%d,%d] was written", i, j);
                    }
                }
            }
        }
    }

    /**
     * A C narrower than a vector (a classifier head's product, its weight gradient) holds exactly
     * what the tiled kernel's operations give: for each element, one fused multiply-add chain over
     * each block of 512 of k from zero, the blocks' sums added in order, then C's old value when
     * accumulating, then the bias and relu. So the narrow path's bits are those of the wide one.
     */
    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4}")
    @MethodSource("narrowShapes")
    void aNarrowProductHoldsTheBitsOfTheKernelsFmaChains(int m, int k, int n, boolean transA, boolean transB) {
        Random random = new Random(m * 13 + k * 3 + n);
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        float[] a = GemmShapes.uniform(random, (transA ? k : m) * lda);
        float[] b = GemmShapes.uniform(random, (transB ? n : k) * ldb);
        float[] bias = GemmShapes.uniform(random, n);
        float[] original = GemmShapes.uniform(random, m * ldc);
        for (boolean accumulate : new boolean[] {false, true}) {
            for (GemmEpilogue epilogue : new GemmEpilogue[] {null, new GemmEpilogue(bias, 0, true)}) {
                for (int threads : new int[] {1, 2}) {
                    float[] out = original.clone();
                    Parallel.withThreads(threads,
                            () -> Gemm.sgemm(transA, transB, m, n, k, a, 0, lda, b, 0, ldb, out, 0, ldc, accumulate, epilogue));
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            float sum = 0f;
                            for (int pc = 0; pc < k; pc += 512) {
                                float block = 0f;
                                for (int p = pc; p < Math.min(k, pc + 512); p++) {
                                    block = Math.fma(transA ? a[p * lda + i] : a[i * lda + p], transB ? b[j * ldb + p] : b[p * ldb + j], block);
                                }
                                sum = pc == 0 ? block : sum + block;
                            }
                            if (accumulate) {
                                sum = original[i * ldc + j] + sum;
                            }
                            if (epilogue != null) {
                                sum = Math.max(sum + bias[j], 0f);
                            }
                            if (Float.floatToRawIntBits(out[i * ldc + j]) != Float.floatToRawIntBits(sum)) {
                                fail("C[%d,%d] = %s, the chains give %s (accumulate=%s, epilogue=%s, %d threads)",
                                        i, j, out[i * ldc + j], sum, accumulate, epilogue != null, threads);
                            }
                        }
                        for (int j = n; j < ldc; j++) {
                            if (out[i * ldc + j] != original[i * ldc + j]) {
                                fail("padding C[%d,%d] was written", i, j);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The seed's head (128x512x10) and its weight gradient (512x128x10), leftover rows, k past one block, n of 1. */
    static Stream<Arguments> narrowShapes() {
        int[][] mkn = {{128, 512, 10}, {512, 128, 10}, {37, 700, 15}, {100, 3, 1}, {33, 1030, 7}};
        return GemmShapes.withTransposes(mkn);
    }

    /**
     * Shapes that split by panels of columns, by blocks of rows, through the narrow transpose,
     * and one that stays on one core (kept small: the first calls run before the JIT compiles
     * the Vector API, and interpreted it is a thousand times slower).
     */
    static Stream<Arguments> threadedShapes() {
        int[][] mkn = {{64, 128, 200}, {130, 64, 70}, {128, 128, 40}, {40, 300, 150}, {128, 512, 10}, {5, 9, 7}};
        return GemmShapes.withTransposes(mkn);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4}")
    @MethodSource("threadedShapes")
    void resultsDoNotDependOnTheThreadCount(int m, int k, int n, boolean transA, boolean transB) {
        Random random = new Random(m * 17 + k * 5 + n);
        float[] a = GemmShapes.uniform(random, m * k);
        float[] b = GemmShapes.uniform(random, k * n);
        float[] one = new float[m * n];
        float[] all = new float[m * n];
        Parallel.withThreads(1, () -> Gemm.sgemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, one, 0, n, false));
        Gemm.sgemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, all, 0, n, false);
        assertThat(all).containsExactly(one);
    }
}
