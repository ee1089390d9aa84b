package dev.horn.bench;

import dev.horn.Tensor;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.NativeBlas;
import dev.horn.internal.cpu.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static dev.horn.Tf.tf;

/**
 * float32 GEMM in GFLOP/s at the shapes a model meets: Horn's default path (what
 * {@code tf.matmul} runs, op dispatch and output allocation included), the pure-Java kernel
 * {@link Gemm}, OpenBLAS called through FFM ({@link NativeBlas}) and numpy's matmul in a python
 * subprocess, each at one thread and at all cores, each checked against a float64 reference
 * before it is timed. The ratio Horn-default / best OpenBLAS is the figure to watch.
 */
public final class GemmBench implements Benchmark {
    /** Largest |got - want| / sum_p |a_ip b_pj| accepted from any kernel. */
    static final double TOLERANCE = 1e-4;
    private static final int CHECKED_ENTRIES = 256;

    /** C[m x n] = op(A)[m x k] B[k x n]; with {@code transA} A is stored k x m (dW = X^T dY). */
    record Case(int m, int k, int n, boolean transA) {
        String label() {
            return m + "x" + k + "x" + n + (transA ? " A^T" : "");
        }

        double flops() {
            return 2.0 * m * n * k;
        }
    }

    static final List<Case> CASES = List.of(
            new Case(128, 784, 512, false),    // MNIST MLP first layer, batch 128
            new Case(128, 512, 10, false),     // a classifier head: N narrower than a vector
            new Case(512, 128, 784, true),     // the first layer's weight gradient, X^T dY
            new Case(2048, 2048, 2048, false), // large and square: the kernel's peak
            new Case(64, 1152, 64, false));    // small: the cost of going parallel

    /** One way to compute C = op(A) B on a case's operands: returns C as a float[] or a Tensor. */
    private interface Kernel {
        Object multiply(Operands o);
    }

    private record Operands(Case c, float[] a, float[] b, float[] out, Tensor ta, Tensor tb) {
        static Operands of(Case c) {
            Random random = new Random(c.m() * 31L + c.k() * 7L + c.n());
            float[] a = random(random, c.m() * c.k());
            float[] b = random(random, c.k() * c.n());
            Tensor ta = c.transA() ? Tensor.of(a, c.k(), c.m()) : Tensor.of(a, c.m(), c.k());
            return new Operands(c, a, b, new float[c.m() * c.n()], ta, Tensor.of(b, c.k(), c.n()));
        }

        int lda() {
            return c.transA() ? c.m() : c.k();
        }
    }

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public String description() {
        return "float32 matmul GFLOP/s: Horn default, Horn-Java, Horn-native (OpenBLAS via FFM), numpy; 1 thread and all cores";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("reps", "timed samples per measurement, median reported (default 7; --quick: 3)");
        o.put("threads", "thread counts, e.g. 1,all (default 1,all)");
        o.put("python", "the python with numpy (default python3)");
        return o;
    }

    @Override
    public Report run(Options options) {
        boolean quick = options.flag("quick");
        int samples = options.integer("reps", quick ? 3 : 7);
        double minSample = quick ? 0.02 : 0.05;
        double warmup = quick ? 0.1 : 0.3;
        List<Integer> threadCounts = options.threads("threads", "1,all");
        NativeBlas blas = NativeBlas.system();

        Map<String, Kernel> kernels = new LinkedHashMap<>();
        kernels.put("horn_java", o -> {
            Gemm.sgemm(o.c().transA(), false, o.c().m(), o.c().n(), o.c().k(), o.a(), 0, o.lda(), o.b(), 0, o.c().n(),
                    o.out(), 0, o.c().n(), false);
            return o.out();
        });
        kernels.put("horn_default", o -> tf.matmul(o.ta(), o.tb(), o.c().transA(), false));
        if (blas.isAvailable()) {
            kernels.put("horn_native", o -> {
                blas.sgemm(o.c().transA(), false, o.c().m(), o.c().n(), o.c().k(), o.a(), 0, o.lda(), o.b(), 0,
                        o.c().n(), o.out(), 0, o.c().n(), false);
                return o.out();
            });
        }

        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> numpyFacts = null;
        List<String> notes = new ArrayList<>();
        for (int threads : threadCounts) {
            Map<String, Map<String, Double>> measured = new LinkedHashMap<>();
            Map<String, DefaultGemm.Path> paths = new LinkedHashMap<>();
            for (Case c : CASES) {
                Operands o = Operands.of(c);
                Map<String, Double> seconds = Parallel.withThreads(threads, () -> interleaved(kernels, o, samples, minSample, warmup));
                Map<String, Double> gflops = new LinkedHashMap<>();
                seconds.forEach((k, t) -> gflops.put(k, c.flops() / t / 1e9));
                paths.put(c.label(), Parallel.withThreads(threads, () -> DefaultGemm.choose(c.m(), c.n(), c.k())));
                measured.put(c.label(), gflops);
            }
            NumpyGemm.Result numpy = NumpyGemm.run(options.string("python", "python3"), CASES, threads, samples, minSample, warmup);
            if (numpy.skipped() != null) {
                if (notes.stream().noneMatch(n -> n.startsWith("numpy skipped"))) {
                    notes.add("numpy skipped: " + numpy.skipped());
                }
            } else if (numpyFacts == null) {
                numpyFacts = numpy.facts();
            }
            for (Case c : CASES) {
                Map<String, Double> g = measured.get(c.label());
                Double nat = g.get("horn_native");
                Double np = numpy.gflops().get(c.label());
                Double best = nat;
                if (np != null && (best == null || np > best)) {
                    best = np;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("shape", c.label());
                row.put("threads", threads);
                row.put("default_path", paths.get(c.label()).name().toLowerCase(Locale.ROOT));
                row.put("horn_default_gflops", g.get("horn_default"));
                row.put("horn_java_gflops", g.get("horn_java"));
                row.put("horn_native_gflops", nat);
                row.put("numpy_gflops", np);
                row.put("default_vs_best_openblas", best == null ? null : g.get("horn_default") / best);
                row.put("java_vs_native", nat == null ? null : g.get("horn_java") / nat);
                rows.add(row);
            }
        }
        if (!blas.isAvailable()) {
            notes.add("Horn-native skipped: " + blas.absentReason());
        } else if (System.getenv("OPENBLAS_CORETYPE") != null || System.getenv("OPENBLAS_L2_SIZE") != null) {
            notes.add("Horn-native runs in this JVM under the environment's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pins"
                    + " (see native_blas for the core it chose); numpy's subprocess runs without them");
        }
        Report report = new Report(rows, notes, Map.of())
                .withFact("default_gemm", DefaultGemm.describe())
                .withFact("native_blas", blas.describe());
        if (numpyFacts != null) {
            report = report.withFact("numpy", numpyFacts);
        }
        return report;
    }

    /** Median seconds per call of each kernel, sampled in turns; each is checked against the reference first. */
    private static Map<String, Double> interleaved(Map<String, Kernel> kernels, Operands o, int samples,
                                                   double minSample, double warmup) {
        Map<String, Runnable> tasks = new LinkedHashMap<>();
        kernels.forEach((name, kernel) -> {
            check(name, o, kernel.multiply(o));
            tasks.put(name, () -> kernel.multiply(o));
        });
        return Timing.interleavedMedians(tasks, samples, minSample, warmup, GemmBench::pauseAfterNative);
    }

    /**
     * OpenBLAS's idle worker threads spin for a while after a call; a pause lets them sleep
     * before a Java kernel is timed, so they do not take its cores.
     */
    private static void pauseAfterNative(String kernel) {
        if (kernel.equals("horn_native") && Parallel.threads() > 1) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Compares sampled entries of C (corners and random ones) with a float64 dot product. */
    private static void check(String kernel, Operands o, Object result) {
        Case c = o.c();
        float[] got = result instanceof Tensor t ? t.toFloatArray() : (float[]) result;
        Random random = new Random(1);
        for (int s = 0; s < CHECKED_ENTRIES; s++) {
            int i = s == 0 ? 0 : s == 1 ? c.m() - 1 : random.nextInt(c.m());
            int j = s == 0 ? 0 : s == 1 ? c.n() - 1 : random.nextInt(c.n());
            double want = 0;
            double scale = 0;
            for (int p = 0; p < c.k(); p++) {
                double x = c.transA() ? o.a()[p * c.m() + i] : o.a()[i * c.k() + p];
                double y = o.b()[p * c.n() + j];
                want += x * y;
                scale += Math.abs(x * y);
            }
            double err = Math.abs(got[i * c.n() + j] - want) / Math.max(scale, Double.MIN_NORMAL);
            if (!(err <= TOLERANCE)) {
                throw new AssertionError(kernel + " " + c.label() + ": C[" + i + "," + j + "] = " + got[i * c.n() + j]
                        + ", expected " + want + " (relative error " + err + ")");
            }
        }
    }

    private static float[] random(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
