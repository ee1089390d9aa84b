package dev.horn.internal.cpu;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A GEMM handing its sums to a sink: every element once, with the bits the stored C holds, at 1 and 2 threads. */
class GemmSinkTest {
    /**
     * Leftover rows and columns, k at the one-block limit, a product split across threads, C wider
     * than one block of B; k past one pass of the stored product's row tiles ({@code Gemm.KS}),
     * whose sums go from pass to pass while the sink's stay in registers.
     */
    static Stream<Arguments> shapes() {
        int[][] mkn = {{1, 1, 1}, {7, 13, 17}, {33, 129, 65}, {129, 257, 33}, {20, 512, 70}, {260, 128, 130},
            {6, 20, 4100}, {9, 30, 5}};
        return GemmShapes.withTransposes(mkn);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void theSinkSeesEachElementOnceWithTheStoredBits(int m, int k, int n, boolean transA, boolean transB) {
        Random random = new Random(m * 31 + k * 7 + n);
        int aOff = 3;
        int bOff = 5;
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        float[] a = GemmShapes.uniform(random, aOff + (transA ? k : m) * lda);
        float[] b = GemmShapes.uniform(random, bOff + (transB ? n : k) * ldb);
        float[] stored = new float[m * n];
        Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, stored, 0, n, false);
        assertThat(Gemm.sinks(m, n, k)).isTrue();
        for (int threads : new int[] {1, 2}) {
            float[] seen = new float[m * n];
            int[] times = new int[m * n];
            GemmSink sink = (i, j, rows, cols, sums, off, stride) -> {
                synchronized (times) {
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            seen[(i + r) * n + j + c] = sums[off + r * stride + c];
                            times[(i + r) * n + j + c]++;
                        }
                    }
                }
            };
            Parallel.withThreads(threads, () -> Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, sink));
            // Arrays.mismatch, not containsExactly: AssertJ's is quadratic in the length
            assertThat(Arrays.stream(times).filter(t -> t != 1).count()).as("elements not delivered once at %d threads", threads)
                    .isZero();
            assertThat(Arrays.mismatch(seen, stored)).as("first element whose bits differ at %d threads", threads).isEqualTo(-1);
        }
    }

    @Test
    void productsWithSeveralBlocksOfKOrANarrowTransposedCAreRefused() {
        assertThat(Gemm.sinks(784, 512, 513)).isFalse();
        assertThat(Gemm.sinks(512, 10, 128)).isFalse(); // narrower than a vector: NarrowGemm takes it
        assertThat(Gemm.sinks(784, 512, 0)).isFalse();
        float[] x = new float[10];
        assertThatThrownBy(() -> Gemm.sgemm(false, false, 1, 1, 600, new float[600], 0, 600, new float[600], 0, 1,
                (i, j, rows, cols, sums, off, stride) -> x[0] = sums[off]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < k <= 512").hasMessageContaining("1x1x600");
    }
}
