package dev.horn.internal.cpu;

import java.util.Locale;

/**
 * The float32 GEMM that {@code tf.matmul} runs: the pure-Java {@link Gemm}, or the native BLAS
 * ({@link NativeBlas}) where that was measured to be clearly faster.
 *
 * <p>The system property {@code horn.blas} chooses: {@code java} always runs {@link Gemm};
 * {@code native} runs the native BLAS whenever one loaded (else Java); {@code auto}, the
 * default, follows {@link #nativeWins}'s measured rule, and only with OpenBLAS. The choice
 * depends only on the shape and on what library loaded, never on timings taken at run time, so
 * a run stays deterministic at a fixed thread count.
 */
public final class DefaultGemm {
    /** Where a product runs. */
    public enum Path { JAVA, NATIVE }

    /** The {@code horn.blas} setting. */
    public enum Mode { JAVA, NATIVE, AUTO }

    public static final Mode MODE = mode(System.getProperty("horn.blas", "auto"));

    private DefaultGemm() {}

    static Mode mode(String value) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("horn.blas must be java, native or auto, got '" + value + "'");
        }
    }

    /** Where {@code tf.matmul} runs an m x k by k x n product (transposes measured alike). */
    public static Path choose(int m, int n, int k) {
        if (MODE == Mode.JAVA || (MODE == Mode.AUTO && !nativeWins(m, n, k))) {
            return Path.JAVA; // decided without loading a library
        }
        return choose(MODE, NativeBlas.system(), m, n, k);
    }

    static Path choose(Mode mode, NativeBlas blas, int m, int n, int k) {
        if (mode == Mode.JAVA || !blas.isAvailable()) {
            return Path.JAVA;
        }
        if (mode == Mode.NATIVE) {
            return Path.NATIVE;
        }
        // auto trusts only OpenBLAS: a reference BLAS under the same name is slower than Java
        return blas.isOpenBlas() && nativeWins(m, n, k) ? Path.NATIVE : Path.JAVA;
    }

    /**
     * The measured rule of {@code auto}: OpenBLAS where the Java kernel's register tile is badly
     * filled, that is where C is narrower than one packed panel of B (n &lt; 4 vectors, 64 floats
     * with 512-bit vectors: the lanes past n are wasted), has few rows (m &lt; 24) or a short
     * inner dimension (k &lt; 16), or where the product is too small (under 2^20 multiply-adds)
     * to repay packing; there OpenBLAS was 1.4-6x faster. Elsewhere neither won consistently (Java
     * by up to 1.3x at some shapes, OpenBLAS by up to 1.3x at others, within the noise of a
     * shared machine), and Java is kept: no GC pause during the call, no native dependency.
     *
     * <p>Measured (1 thread, GFLOP per CPU-second, Java / OpenBLAS 0.3.21, Zen 4, 512-bit):
     * 128x784x24: 11 / 66; 128x512x10: 18 / 65; 16x784x512: 37 / 60; 128x10x128: 45 / 83;
     * 64x64x64: 74 / 101; but 24x784x512: 79 / 72; 128x784x256: 95 / 92; 1024^3: 93 / 90;
     * 64x1152x64: 87 / 84. Since {@link NarrowGemm} (Zen 5, one thread) 128x512x10 runs at 74
     * in Java against 83 for numpy's OpenBLAS, a small lead. The rule comes from one-thread figures (CPU time is robust to other
     * load); at two threads the shared machine was too busy to rank the two cleanly. The gemm
     * benchmark measures both again on any machine ({@code ./horn bench gemm}).
     */
    static boolean nativeWins(int m, int n, int k) {
        return n < Gemm.NR || m < 24 || k < 16 || (long) m * n * k < (1L << 20);
    }

    /** C = op(A) op(B) (+ C when {@code accumulate}), row-major, with {@link Gemm#sgemm}'s arguments. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, null);
    }

    /**
     * {@link #sgemm} with C's finished sums passed through {@code epilogue} (null: none): in the
     * Java kernel's stores, or in one pass after the native BLAS.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc, boolean accumulate, GemmEpilogue epilogue) {
        if (choose(m, n, k) == Path.NATIVE) {
            NativeBlas.system().sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            if (epilogue != null) {
                epilogue.applyTo(c, cOff, ldc, m, n);
            }
        } else {
            Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, epilogue);
        }
    }

    /**
     * Whether {@code tf.matmul}'s m x k by k x n product can hand its sums to a {@link GemmSink}
     * instead of storing C: where it runs the Java kernel ({@link #choose}) and the kernel takes a
     * sink there ({@link Gemm#sinks}). Elsewhere a caller stores C and makes its own pass over it.
     */
    public static boolean sinks(int m, int n, int k) {
        return Gemm.sinks(m, n, k) && choose(m, n, k) == Path.JAVA;
    }

    /** The setting and the library, in words. */
    public static String describe() {
        return "horn.blas=" + MODE.name().toLowerCase(Locale.ROOT) + ", native BLAS " + NativeBlas.system().describe();
    }
}
