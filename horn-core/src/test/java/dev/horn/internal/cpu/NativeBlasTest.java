package dev.horn.internal.cpu;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native BLAS against the Java kernel (skipped where the machine has no library), and the
 * absent cases: Horn must run the same with no native library at all.
 */
class NativeBlasTest {
    static Stream<Arguments> shapes() {
        int[][] mkn = {{1, 1, 1}, {7, 13, 17}, {33, 129, 65}, {128, 784, 10}, {64, 1152, 64}, {257, 64, 1}, {200, 520, 300}};
        return GemmShapes.withTransposes(mkn);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void nativeEqualsTheJavaKernel(int m, int k, int n, boolean transA, boolean transB) {
        NativeBlas blas = NativeBlas.system();
        assumeTrue(blas.isAvailable(), () -> "no native BLAS: " + blas.absentReason());
        Random random = new Random(m * 31 + k * 7 + n);
        int aOff = 3;
        int bOff = 5;
        int cOff = 2;
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        float[] a = GemmShapes.uniform(random, aOff + (transA ? k : m) * lda);
        float[] b = GemmShapes.uniform(random, bOff + (transB ? n : k) * ldb);
        float[] c = GemmShapes.uniform(random, cOff + m * ldc);
        for (boolean accumulate : new boolean[] {false, true}) {
            for (int threads : new int[] {1, Parallel.THREADS}) {
                float[] want = c.clone();
                float[] got = c.clone();
                Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, want, cOff, ldc, accumulate);
                Parallel.withThreads(threads, () ->
                        blas.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, got, cOff, ldc, accumulate));
                for (int i = 0; i < got.length; i++) {
                    // entries are sums of k products in [-1, 1]: the two summation orders differ by rounding only
                    if (Math.abs(got[i] - want[i]) > 1e-5 * (k + 1)) {
                        fail("C[%d] = %s from the native BLAS, %s from Java (accumulate=%s, threads=%d)",
                                i, got[i], want[i], accumulate, threads);
                    }
                }
            }
        }
    }

    @Test
    void boundsAreCheckedBeforeTheNativeCall() {
        NativeBlas blas = NativeBlas.system();
        assumeTrue(blas.isAvailable(), () -> "no native BLAS: " + blas.absentReason());
        float[] small = new float[10];
        float[] c = new float[16];
        assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 4, small, 0, 4, new float[16], 0, 4, c, 0, 4, false))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("A: 4 x 4");
        assertThatThrownBy(() -> blas.sgemm(false, false, 4, 4, 4, new float[16], 0, 2, new float[16], 0, 4, c, 0, 4, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading dimension 2");
    }

    @Test
    void aMissingLibraryIsAbsentQuietly() {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        NativeBlas blas;
        try {
            System.setErr(new PrintStream(printed));
            System.setOut(new PrintStream(printed));
            blas = NativeBlas.open("libhorn-no-such-blas.so.0");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertThat(printed.toString()).isEmpty();
        assertThat(blas.isAvailable()).isFalse();
        assertThat(blas.absentReason()).contains("libhorn-no-such-blas.so.0");
        assertThat(blas.describe()).startsWith("absent");
        assertThatThrownBy(() -> blas.sgemm(false, false, 1, 1, 1, new float[1], 0, 1, new float[1], 0, 1, new float[1], 0, 1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no native BLAS");
    }

    @Test
    void aMissingPathIsAbsent() {
        NativeBlas blas = NativeBlas.open("no/such/dir/libopenblas.so.0");
        assertThat(blas.isAvailable()).isFalse();
        assertThat(blas.absentReason()).contains("not loadable");
    }

    @Test
    void noneTurnsTheNativePathOff() {
        NativeBlas blas = NativeBlas.open("none");
        assertThat(blas.isAvailable()).isFalse();
        assertThat(blas.absentReason()).contains("turned off");
    }

    @Test
    void aLibraryWithoutCblasIsAbsent() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        NativeBlas blas = NativeBlas.open("libm.so.6");
        assumeTrue(blas.absentReason() == null || !blas.absentReason().contains("not loadable"), "no libm.so.6 here");
        assertThat(blas.isAvailable()).isFalse();
        assertThat(blas.absentReason()).contains("has no cblas_sgemm");
    }

    @Test
    void withoutALibraryEveryModeRunsJava() {
        NativeBlas absent = NativeBlas.open("none");
        for (DefaultGemm.Mode mode : DefaultGemm.Mode.values()) {
            assertThat(DefaultGemm.choose(mode, absent, 2048, 2048, 2048)).isEqualTo(DefaultGemm.Path.JAVA);
            assertThat(DefaultGemm.choose(mode, absent, 128, 10, 512)).isEqualTo(DefaultGemm.Path.JAVA);
        }
    }

    @Test
    void javaModeNeverUsesTheLibrary() {
        NativeBlas blas = NativeBlas.system();
        assumeTrue(blas.isAvailable());
        for (int[] mnk : new int[][] {{128, 10, 512}, {2048, 2048, 2048}}) {
            assertThat(DefaultGemm.choose(DefaultGemm.Mode.JAVA, blas, mnk[0], mnk[1], mnk[2])).isEqualTo(DefaultGemm.Path.JAVA);
            assertThat(DefaultGemm.choose(DefaultGemm.Mode.NATIVE, blas, mnk[0], mnk[1], mnk[2])).isEqualTo(DefaultGemm.Path.NATIVE);
        }
    }

    @Test
    void autoUsesOpenBlasOnlyWhereItMeasuredClearlyFaster() {
        NativeBlas blas = NativeBlas.system();
        assumeTrue(blas.isAvailable() && blas.isOpenBlas());
        DefaultGemm.Mode auto = DefaultGemm.Mode.AUTO;
        assertThat(DefaultGemm.choose(auto, blas, 128, 10, 512)).isEqualTo(DefaultGemm.Path.NATIVE); // classifier head
        assertThat(DefaultGemm.choose(auto, blas, 16, 512, 784)).isEqualTo(DefaultGemm.Path.NATIVE); // few rows
        assertThat(DefaultGemm.choose(auto, blas, 128, 128, 10)).isEqualTo(DefaultGemm.Path.NATIVE); // short k
        assertThat(DefaultGemm.choose(auto, blas, 32, 32, 32)).isEqualTo(DefaultGemm.Path.NATIVE);   // tiny
        assertThat(DefaultGemm.choose(auto, blas, 128, 512, 784)).isEqualTo(DefaultGemm.Path.JAVA);
        assertThat(DefaultGemm.choose(auto, blas, 2048, 2048, 2048)).isEqualTo(DefaultGemm.Path.JAVA);
        assertThat(DefaultGemm.choose(auto, blas, 64, 64, 1152)).isEqualTo(DefaultGemm.Path.JAVA);
    }

    @Test
    void anUnknownModeIsAnError() {
        assertThatThrownBy(() -> DefaultGemm.mode("fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("horn.blas must be java, native or auto, got 'fast'");
    }
}
