package dev.horn.internal.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A native CBLAS (OpenBLAS on Debian-like systems) called through the FFM API, as an optional
 * second GEMM beside the pure-Java {@link Gemm}. Horn never needs it: when no library loads,
 * {@link #system()} is simply {@linkplain #isAvailable() absent} and says why in
 * {@link #absentReason()}, with nothing printed.
 *
 * <p>Which library: the system property {@value #LIBRARY_PROPERTY}, else the environment
 * variable {@value #LIBRARY_ENV}, naming a file path or a name for the system loader
 * ({@code none} turns the native path off); else the first of {@code libopenblas.so.0},
 * {@code libblas.so.3} that the system loader finds. The library must export the standard
 * {@code cblas_sgemm} with 32-bit integers (numpy's bundled scipy-openblas exports only suffixed
 * 64-bit-integer symbols and is not accepted).
 *
 * <p>Heap {@code float[]} are passed with zero copies through {@code Linker.Option.critical(true)}:
 * the call runs at off-heap speed but holds off garbage collection until it returns (tens of
 * milliseconds for a 2048-cube product), which is why the default matmul path uses it only where
 * it measurably wins (see {@link DefaultGemm}).
 *
 * <p>Threads: each call runs with {@link Parallel#threads()} threads, set through
 * {@code openblas_set_num_threads} when the library has it (OpenBLAS's setting is process-wide,
 * so concurrent callers with different limits race for it; the result is the same either way).
 */
public final class NativeBlas {
    public static final String LIBRARY_PROPERTY = "horn.blas.library";
    public static final String LIBRARY_ENV = "HORN_BLAS";
    private static final List<String> DEFAULT_LIBRARIES = List.of("libopenblas.so.0", "libblas.so.3");

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private static final class SystemHolder {
        static final NativeBlas INSTANCE = openConfigured();
    }

    private final String library;
    private final String absentReason;
    private final MethodHandle sgemm;
    private final MethodHandle setThreads;
    private final String config;
    private volatile int threadsSet = -1;
    /**
     * Below this many multiply-adds a call runs on one thread: OpenBLAS's workers spin after a
     * parallel call, and on a small machine they took the cores from the Java kernels that run
     * next (the seed MLP's train step went from 1.8 to 3.3 s per epoch with its narrow
     * classifier-head products on two OpenBLAS threads).
     */
    private static final long SINGLE_THREAD_BELOW = 1L << 22;

    private NativeBlas(String library, String absentReason, MethodHandle sgemm, MethodHandle setThreads, String config) {
        this.library = library;
        this.absentReason = absentReason;
        this.sgemm = sgemm;
        this.setThreads = setThreads;
        this.config = config;
    }

    /** The library named by the property, the environment or the default names; loaded once per process. */
    public static NativeBlas system() {
        return SystemHolder.INSTANCE;
    }

    private static NativeBlas openConfigured() {
        String requested = System.getProperty(LIBRARY_PROPERTY);
        if (requested == null || requested.isBlank()) {
            requested = System.getenv(LIBRARY_ENV);
        }
        if (requested != null && !requested.isBlank()) {
            return open(requested.strip());
        }
        List<String> reasons = new ArrayList<>();
        for (String name : DEFAULT_LIBRARIES) {
            NativeBlas blas = open(name);
            if (blas.isAvailable()) {
                return blas;
            }
            reasons.add(blas.absentReason());
        }
        return absent(null, String.join("; ", reasons));
    }

    /**
     * Opens one library: a path (it contains a '/') or a name for the system loader. Never throws;
     * an unusable library gives an absent instance with the reason.
     */
    public static NativeBlas open(String nameOrPath) {
        if (nameOrPath.equalsIgnoreCase("none")) {
            return absent(null, "native BLAS turned off (" + LIBRARY_PROPERTY + " or " + LIBRARY_ENV + " is 'none')");
        }
        SymbolLookup lookup;
        try {
            lookup = nameOrPath.contains("/")
                    ? SymbolLookup.libraryLookup(Path.of(nameOrPath), Arena.global())
                    : SymbolLookup.libraryLookup(nameOrPath, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException e) {
            return absent(nameOrPath, nameOrPath + " not loadable: " + e.getMessage());
        }
        Optional<MemorySegment> sgemmSymbol = lookup.find("cblas_sgemm");
        if (sgemmSymbol.isEmpty()) {
            return absent(nameOrPath, nameOrPath + " has no cblas_sgemm");
        }
        Linker linker = Linker.nativeLinker();
        MethodHandle sgemm = linker.downcallHandle(sgemmSymbol.get(), FunctionDescriptor.ofVoid(
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT),
                Linker.Option.critical(true));
        MethodHandle setThreads = lookup.find("openblas_set_num_threads")
                .map(s -> linker.downcallHandle(s, FunctionDescriptor.ofVoid(JAVA_INT)))
                .orElse(null);
        String config = lookup.find("openblas_get_config").map(s -> cString(linker, s)).orElse("");
        String corename = lookup.find("openblas_get_corename").map(s -> cString(linker, s)).orElse("");
        if (!corename.isEmpty() && !config.contains(corename)) {
            config = config + " (core " + corename + ")";
        }
        return new NativeBlas(nameOrPath, null, sgemm, setThreads, config.strip());
    }

    private static NativeBlas absent(String library, String reason) {
        return new NativeBlas(library, reason, null, null, "");
    }

    private static String cString(Linker linker, MemorySegment symbol) {
        try {
            MethodHandle h = linker.downcallHandle(symbol, FunctionDescriptor.of(ADDRESS));
            MemorySegment s = (MemorySegment) h.invokeExact();
            return s.equals(MemorySegment.NULL) ? "" : s.reinterpret(4096).getString(0);
        } catch (Throwable e) {
            return "";
        }
    }

    public boolean isAvailable() {
        return sgemm != null;
    }

    /** Why no library is in use, or null when one is. */
    public String absentReason() {
        return absentReason;
    }

    /** The name or path that was opened (null when none was found). */
    public String library() {
        return library;
    }

    /** {@code openblas_get_config()} and the core OpenBLAS chose (it depends on OPENBLAS_CORETYPE), or "" for another BLAS. */
    public String config() {
        return config;
    }

    /** True when the library identifies itself as OpenBLAS (a reference BLAS is far slower than {@link Gemm}). */
    public boolean isOpenBlas() {
        return config.startsWith("OpenBLAS");
    }

    /** What is in use, in words. */
    public String describe() {
        return isAvailable() ? library + (config.isEmpty() ? "" : ": " + config) : "absent (" + absentReason + ")";
    }

    /**
     * C = op(A) op(B) (+ C when {@code accumulate}), row-major, with {@link Gemm#sgemm}'s
     * arguments. Bounds are checked here because the native code cannot check them.
     */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        if (!isAvailable()) {
            throw new IllegalStateException("no native BLAS: " + absentReason);
        }
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        checkMatrix("C", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Gemm.sgemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            return;
        }
        useThreads((long) m * n * k < SINGLE_THREAD_BELOW ? 1 : Parallel.threads());
        try {
            sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    1f, MemorySegment.ofArray(a).asSlice(4L * aOff), lda,
                    MemorySegment.ofArray(b).asSlice(4L * bOff), ldb,
                    accumulate ? 1f : 0f, MemorySegment.ofArray(c).asSlice(4L * cOff), ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
    }

    private void useThreads(int threads) {
        if (setThreads == null || threads == threadsSet) {
            return;
        }
        try {
            setThreads.invokeExact(threads);
        } catch (Throwable e) {
            throw new IllegalStateException("openblas_set_num_threads failed", e);
        }
        threadsSet = threads;
    }

    private static void checkMatrix(String name, float[] x, int off, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0 || off < 0 || ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + ": " + rows + " x " + cols + " at offset " + off
                    + " with leading dimension " + ld + " is not a valid matrix");
        }
        long end = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
        if (end > x.length) {
            throw new IndexOutOfBoundsException(name + ": " + rows + " x " + cols + " at offset " + off
                    + " with leading dimension " + ld + " needs " + end + " floats, the array has " + x.length);
        }
    }
}
