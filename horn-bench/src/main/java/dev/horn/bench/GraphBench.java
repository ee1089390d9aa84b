package dev.horn.bench;

import dev.horn.Tensor;
import dev.horn.graph.Function;
import dev.horn.graph.compiler.CompilerOptions;
import dev.horn.graph.compiler.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.horn.Tf.tf;

/**
 * The graph compiler measured against eager execution in the same run:
 * <ul>
 * <li>a 10-op element-wise chain on 10M floats: eager, graph without fusion (with and without
 *     buffer planning), graph with fusion;</li>
 * <li>peak live bytes of a deep chain of matmuls with and without buffer planning;</li>
 * <li>eight independent small matmul + relu branches, sequential and parallel schedule.</li>
 * </ul>
 */
public final class GraphBench implements Benchmark {
    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String description() {
        return "graph compiler vs eager: 10-op element-wise chain (fused, unfused), MLP training step, peak memory with buffer planning";
    }

    @Override
    public Map<String, String> options() {
        return Map.of("reps", "timed repetitions per case (default 15; --quick: 3)");
    }

    @Override
    public Report run(Options options) {
        return Report.of(run(options.integer("reps", options.flag("quick") ? 3 : 15)));
    }

    /** Rows of the result table. */
    public static List<Map<String, Object>> run(int repetitions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(elementwiseChain(repetitions));
        rows.addAll(mlpTrainingStep(repetitions * 4));
        rows.addAll(memory());
        rows.addAll(parallelBranches(repetitions * 20));
        return rows;
    }

    static List<Map<String, Object>> elementwiseChain(int repetitions) {
        int n = 10_000_000;
        Random random = new Random(42);
        Tensor a = randomTensor(n, random);
        Tensor b = randomTensor(n, random);
        Tensor c = randomTensor(n, random);
        java.util.function.Function<Tensor[], Tensor> chain = x -> {
            Tensor h = x[0];
            for (int i = 0; i < 5; i++) {
                h = tf.add(tf.mul(h, x[1]), x[2]); // 10 ops: 5 multiplies, 5 adds
            }
            return h;
        };
        Function fused = Function.of(chain);
        Function unfused = Function.of(chain).withOptions(CompilerOptions.ALL.withFusion(false));
        Function plain = Function.of(chain).withOptions(CompilerOptions.ALL.withFusion(false).withBufferPlanning(false));
        Tensor[] in = {a, b, c};
        double eager = Timing.medianMillis(repetitions, () -> chain.apply(in));
        double plainMs = Timing.medianMillis(repetitions, () -> plain.call(a, b, c));
        double unfusedMs = Timing.medianMillis(repetitions, () -> unfused.call(a, b, c));
        double fusedMs = Timing.medianMillis(repetitions, () -> fused.call(a, b, c));
        if (!fused.call(a, b, c).valuesEqual(chain.apply(in))) {
            throw new AssertionError("fused result differs from eager");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("chain10 eager", eager, eager / fusedMs));
        rows.add(row("chain10 graph, no fusion, no buffer planning", plainMs, plainMs / fusedMs));
        rows.add(row("chain10 graph, no fusion", unfusedMs, unfusedMs / fusedMs));
        rows.add(row("chain10 graph, fused", fusedMs, 1.0));
        return rows;
    }

    /**
     * One training step of the seed's MNIST MLP (784-256-128-10, relu, softmax cross-entropy,
     * RMSprop, batch 128): eager with a tape, and the same step compiled into one graph.
     */
    static List<Map<String, Object>> mlpTrainingStep(int repetitions) {
        Random random = new Random(7);
        Tensor x = randomTensor(128 * 784, random).reshape(128, 784);
        float[] labels = new float[128 * 10];
        for (int i = 0; i < 128; i++) {
            labels[i * 10 + random.nextInt(10)] = 1;
        }
        Tensor y = Tensor.of(labels, 128, 10);
        Mlp eager = new Mlp();
        Mlp graphed = new Mlp();
        Function step = Function.of(in -> graphed.step(in[0], in[1]));
        double eagerMs = Timing.medianMillis(repetitions, () -> eager.step(x, y));
        double graphMs = Timing.medianMillis(repetitions, () -> step.call(x, y));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("benchmark", "MLP 784-256-128-10 training step, batch 128, eager");
        e.put("ms", eagerMs);
        e.put("x_graph", eagerMs / graphMs);
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("benchmark", "MLP 784-256-128-10 training step, batch 128, graph");
        g.put("ms", graphMs);
        g.put("x_graph", 1.0);
        rows.add(e);
        rows.add(g);
        return rows;
    }

    /** The seed's MLP as variables and ops, trained with RMSprop. */
    private static final class Mlp {
        final List<dev.horn.Variable> weights = new ArrayList<>();
        final dev.horn.optimizers.RMSprop optimizer = new dev.horn.optimizers.RMSprop();

        Mlp() {
            int[] sizes = {784, 256, 128, 10};
            for (int i = 0; i + 1 < sizes.length; i++) {
                double limit = Math.sqrt(6.0 / (sizes[i] + sizes[i + 1])); // glorot uniform
                weights.add(new dev.horn.Variable(tf.randomUniform(dev.horn.Shape.of(sizes[i], sizes[i + 1]), -limit, limit)));
                weights.add(new dev.horn.Variable(tf.zeros(sizes[i + 1])));
            }
        }

        Tensor step(Tensor x, Tensor y) {
            return optimizer.minimize(() -> {
                Tensor h = x;
                for (int i = 0; i < weights.size(); i += 2) {
                    h = tf.add(tf.matmul(h, weights.get(i).read()), weights.get(i + 1).read());
                    if (i + 2 < weights.size()) {
                        h = tf.relu(h);
                    }
                }
                Tensor perExample = tf.neg(tf.reduceSum(tf.mul(y, tf.logSoftmax(h)), 1));
                return tf.reduceMean(perExample);
            }, weights);
        }
    }

    static List<Map<String, Object>> memory() {
        java.util.function.Function<Tensor[], Tensor> body = x -> {
            Tensor h = x[0];
            for (int i = 0; i < 16; i++) {
                h = tf.add(tf.matmul(h, x[1]), x[0]); // each layer: a matmul and an add
            }
            return h;
        };
        Tensor a = tf.mul(tf.ones(512, 512), Tensor.scalar(0.001f));
        Function planned = Function.of(body);
        Function unplanned = Function.of(body).withOptions(CompilerOptions.ALL.withBufferPlanning(false));
        planned.call(a, a);
        planned.call(a, a);
        unplanned.call(a, a);
        Program p = planned.concrete(List.of(a.spec(), a.spec())).program();
        Program u = unplanned.concrete(List.of(a.spec(), a.spec())).program();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> with = new LinkedHashMap<>();
        with.put("benchmark", "16-layer matmul chain, peak live MiB, buffer planning");
        with.put("peak_mib", p.lastMemoryStats().peakLiveBytes() / 1048576.0);
        with.put("allocations", p.lastMemoryStats().allocations());
        with.put("reuses", p.lastMemoryStats().reuses());
        Map<String, Object> without = new LinkedHashMap<>();
        without.put("benchmark", "16-layer matmul chain, peak live MiB, no buffer planning");
        without.put("peak_mib", u.lastMemoryStats().peakLiveBytes() / 1048576.0);
        without.put("allocations", u.lastMemoryStats().allocations());
        without.put("reuses", 0);
        rows.add(without);
        rows.add(with);
        return rows;
    }

    /**
     * Eight independent branches relu(x w_i) w_i, 64 x 64 each: each matmul is too small to
     * split across the cores by itself, so only the parallel schedule can use them.
     */
    static List<Map<String, Object>> parallelBranches(int repetitions) {
        Random random = new Random(5);
        Tensor x = randomTensor(64 * 64, random).reshape(64, 64);
        Tensor[] w = new Tensor[8];
        for (int i = 0; i < w.length; i++) {
            w[i] = randomTensor(64 * 64, random).reshape(64, 64);
        }
        java.util.function.Function<Tensor[], Tensor[]> body = in -> {
            Tensor[] out = new Tensor[w.length];
            for (int i = 0; i < w.length; i++) {
                out[i] = tf.matmul(tf.relu(tf.matmul(in[0], w[i])), w[i]);
            }
            return out;
        };
        Function parallel = Function.ofMany(body);
        Function sequential = Function.ofMany(body).withOptions(CompilerOptions.ALL.withParallelSchedule(false));
        parallel.callMany(x);
        Program p = parallel.concrete(List.of(x.spec())).program();
        long[] onHelpers = {0, 0}; // steps run on helper threads, calls
        double seqMs = Double.MAX_VALUE;
        double parMs = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // alternated, best of three: the load of a shared machine drifts
            seqMs = Math.min(seqMs, Timing.medianMillis(repetitions, () -> sequential.callMany(x)));
            parMs = Math.min(parMs, Timing.medianMillis(repetitions, () -> {
                parallel.callMany(x);
                onHelpers[0] += p.lastScheduleStats().onHelpers();
                onHelpers[1]++;
            }));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (boolean par : new boolean[] {false, true}) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("benchmark", "8 branches matmul+relu+matmul 64x64, " + (par ? "parallel" : "sequential") + " schedule");
            r.put("ms", par ? parMs : seqMs);
            r.put("x_sequential", seqMs / (par ? parMs : seqMs));
            if (par) {
                r.put("steps_on_helpers_per_call", (double) onHelpers[0] / onHelpers[1]);
                r.put("steps_per_call", p.stepCount());
            }
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, Object> row(String name, double ms, double ratio) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", name);
        r.put("ms", ms);
        r.put("x_fused", ratio);
        return r;
    }

    private static Tensor randomTensor(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 0.5f;
        }
        return Tensor.of(v);
    }
}
