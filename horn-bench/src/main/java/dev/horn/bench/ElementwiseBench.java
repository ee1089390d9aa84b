package dev.horn.bench;

import dev.horn.Tensor;
import dev.horn.graph.Function;
import dev.horn.internal.cpu.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.horn.Tf.tf;

/**
 * {@code a*b+c} on 10M floats against the memory bandwidth measured in the same run. An
 * element-wise op is memory-bound, so its honest yardstick is a copy of the same bytes: bytes
 * moved are counted as 3 reads + 1 write (16 bytes an element) for {@code a*b+c} and 1 read +
 * 1 write (8 bytes) for the copy, and the ratio of the two GB/s is the figure (target: at least
 * 70% of copy bandwidth). Eager runs {@code mul} then {@code add} (two passes and a temporary,
 * counted with the same 16 bytes, so it shows what fusion saves); the graph-compiled
 * {@link Function} fuses both into one pass. Two plain Java loops bracket Horn: one into a
 * preallocated array (no allocation, no dispatch) and one into a new array each call, as Horn
 * must allocate an immutable result (a fresh 40 MB array is zeroed and comes from memory that is
 * not in cache, which alone costs a large part of the copy bandwidth).
 */
public final class ElementwiseBench implements Benchmark {
    private static final int N = 10_000_000;
    private static final int GRAIN = 1 << 16;
    private static final double TARGET = 0.7;

    @Override
    public String name() {
        return "elementwise";
    }

    @Override
    public String description() {
        return "a*b+c on 10M floats (Horn eager, graph-fused) in GB/s against copy bandwidth measured in the same run";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("reps", "timed samples per case, median reported (default 15; --quick: 5)");
        o.put("threads", "thread counts, e.g. 1,all (default 1,all)");
        return o;
    }

    @Override
    public Report run(Options options) {
        boolean quick = options.flag("quick");
        int samples = options.integer("reps", quick ? 5 : 15);
        double warmup = quick ? 0.2 : 0.5;
        Random random = new Random(42);
        float[] a = random(random);
        float[] b = random(random);
        float[] c = random(random);
        float[] dst = new float[N];
        Tensor ta = Tensor.of(a);
        Tensor tb = Tensor.of(b);
        Tensor tc = Tensor.of(c);
        Function fused = Function.of(x -> tf.add(tf.mul(x[0], x[1]), x[2]));
        check("eager", tf.add(tf.mul(ta, tb), tc).toFloatArray(), a, b, c);
        check("graph, fused", fused.call(ta, tb, tc).toFloatArray(), a, b, c);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int threads : options.threads("threads", "1,all")) {
            Map<String, Runnable> tasks = new LinkedHashMap<>();
            tasks.put("copy", () -> Parallel.forRange(N, GRAIN, (s, e) -> System.arraycopy(a, s, dst, s, e - s)));
            tasks.put("loop", () -> Parallel.forRange(N, GRAIN, (s, e) -> fma(a, b, c, dst, s, e)));
            tasks.put("fresh", () -> {
                float[] out = new float[N];
                Parallel.forRange(N, GRAIN, (s, e) -> fma(a, b, c, out, s, e));
            });
            tasks.put("eager", () -> tf.add(tf.mul(ta, tb), tc));
            tasks.put("graph", () -> fused.call(ta, tb, tc));
            Map<String, Double> t = Parallel.withThreads(threads, () -> Timing.interleavedMedians(tasks, samples, 0, warmup, name -> { }));
            double copy = t.get("copy");
            double loop = t.get("loop");
            double fresh = t.get("fresh");
            double eager = t.get("eager");
            double graph = t.get("graph");
            double copyGbs = 8.0 * N / copy / 1e9;
            rows.add(row("copy (System.arraycopy, 1 read + 1 write)", threads, copy, 8, copyGbs));
            rows.add(row("a*b+c plain Java loop, preallocated output", threads, loop, 16, copyGbs));
            rows.add(row("a*b+c plain Java loop, new output array", threads, fresh, 16, copyGbs));
            rows.add(row("a*b+c Horn eager (mul, then add)", threads, eager, 16, copyGbs));
            rows.add(row("a*b+c Horn graph, fused", threads, graph, 16, copyGbs));
            double ratio = 16.0 * N / graph / 1e9 / copyGbs;
            if (ratio < TARGET) {
                notes.add(String.format(java.util.Locale.ROOT,
                        "graph-fused a*b+c at %d thread(s) reached %.0f%% of copy bandwidth, below the %.0f%% target",
                        threads, 100 * ratio, 100 * TARGET));
            }
        }
        return new Report(rows, notes, Map.of("elements", N, "bytes_per_element_a_b_c", 16, "bytes_per_element_copy", 8));
    }

    private static Map<String, Object> row(String name, int threads, double seconds, int bytesPerElement, double copyGbs) {
        double gbs = (double) bytesPerElement * N / seconds / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("case", name);
        r.put("threads", threads);
        r.put("ms", seconds * 1e3);
        r.put("gb_per_s", gbs);
        r.put("vs_copy", gbs / copyGbs);
        return r;
    }

    private static void fma(float[] a, float[] b, float[] c, float[] out, int start, int end) {
        for (int i = start; i < end; i++) {
            out[i] = a[i] * b[i] + c[i];
        }
    }

    /** Horn's result against a*b+c rounded twice (a fused kernel may use one FMA: allow an ulp or two). */
    private static void check(String what, float[] got, float[] a, float[] b, float[] c) {
        for (int i = 0; i < N; i++) {
            float want = a[i] * b[i] + c[i];
            if (!(Math.abs(got[i] - want) <= 2 * Math.ulp(Math.abs(want) + Math.abs(a[i] * b[i])))) {
                throw new AssertionError(what + ": element " + i + " = " + got[i] + ", expected " + want);
            }
        }
    }

    private static float[] random(Random random) {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
