package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.Placeholder;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.ExecutionContext;
import dev.horn.ops.Op;
import dev.horn.ops.UnaryOp;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A compiled graph: a schedule of kernels over numbered slots, with the dependencies between
 * steps and each slot's readers known in advance. Running it feeds the inputs, runs every step,
 * and returns the fetches.
 *
 * <p>Steps run one after another in program order, or, with a parallel schedule (the default
 * when Horn has more than one thread and some steps are independent), as soon as the steps
 * they depend on are done (see {@code ParallelRun}): small independent steps overlap on Horn's
 * cores, steps big enough to split across the cores by themselves run alone. Both give the same
 * values; variable reads and writes and random draws keep their program order.
 *
 * <p>With buffer planning, a slot's buffer goes back to a pool right after its last reader
 * finishes and the next kernel asking for an array of that dtype and size gets it;
 * element-wise kernels may take the buffer of an input that dies at that very step (in place,
 * see {@code Execution}). The pool lives as long as the program, so a training loop stops
 * allocating after its first step. Buffers that escape — fetched results, values stored into
 * variables, constants, fed inputs — are never reused. A program runs one call at a time.
 */
public final class Program {
    /** What the compiler did, for tests and benchmarks. */
    public record Report(int lowered, int folded, int merged, int fusedAway, int scheduled) {}

    /** Memory figures of the latest run. */
    public record MemoryStats(long allocatedBytes, long peakLiveBytes, int allocations, int reuses) {}

    /**
     * How the latest run was scheduled: in parallel or not, how many steps ran on helper
     * threads rather than the caller, and the most steps that were running at one moment.
     */
    public record ScheduleStats(boolean parallel, int onHelpers, int mostAtOnce) {}

    /**
     * One kernel: its op, input and output slots; element-wise ones may write in place.
     * {@code knownOutputs}: the output specs when tracing fixed every input's and output's shape
     * (a function is traced per input signature, and each run's feeds are checked against it),
     * so a run uses them instead of inferring them again, once per step per call; null where a
     * shape is only known at run time.
     */
    record Step(Op op, int[] inputs, int[] outputs, String name, boolean elementwise, TensorSpec[] knownOutputs) {}

    private final Step[] steps;
    private final Schedule schedule;
    private final long[] costs;
    private final Tensor[] constants;
    private final int[] feedSlots;
    private final TensorSpec[] feedSpecs;
    private final String[] feedNames;
    private final int[] resultSlots;
    private final boolean planning;
    private final boolean parallel;
    private final Report report;
    private final BufferPool pool = new BufferPool();
    private MemoryStats lastStats = new MemoryStats(0, 0, 0, 0);
    private ScheduleStats lastSchedule = new ScheduleStats(false, 0, 0);

    Program(Ir ir, boolean planning, boolean parallelSchedule, Report report) {
        this.planning = planning;
        this.report = report;
        Map<Ir.Value, Integer> slotOf = new IdentityHashMap<>();
        java.util.List<Tensor> consts = new java.util.ArrayList<>();
        java.util.function.Function<Ir.Value, Integer> slot = v -> slotOf.computeIfAbsent(v, k -> {
            consts.add(k.constant);
            return slotOf.size();
        });
        feedSlots = new int[ir.feeds.size()];
        feedSpecs = new TensorSpec[ir.feeds.size()];
        feedNames = new String[ir.feeds.size()];
        for (int i = 0; i < feedSlots.length; i++) {
            feedSlots[i] = slot.apply(ir.feeds.get(i));
            feedSpecs[i] = ir.feeds.get(i).spec;
            feedNames[i] = ir.feeds.get(i).name;
        }
        steps = new Step[ir.steps.size()];
        for (int s = 0; s < steps.length; s++) {
            Ir.Step step = ir.steps.get(s);
            int[] ins = java.util.Arrays.stream(step.inputs).mapToInt(slot::apply).toArray();
            int[] outs = java.util.Arrays.stream(step.outputs).mapToInt(slot::apply).toArray();
            boolean elementwise = step.op instanceof UnaryOp || step.op instanceof BinaryOp
                    || step.op instanceof FusedElementwise;
            steps[s] = new Step(step.op, ins, outs, step.name, elementwise, knownOutputs(step));
        }
        resultSlots = ir.results.stream().mapToInt(slot::apply).toArray();
        constants = consts.toArray(Tensor[]::new);
        schedule = new Schedule(java.util.Arrays.stream(steps).map(Step::op).toArray(Op[]::new),
                java.util.Arrays.stream(steps).map(Step::inputs).toArray(int[][]::new),
                java.util.Arrays.stream(steps).map(Step::outputs).toArray(int[][]::new),
                slotOf.size(), resultSlots);
        costs = new long[steps.length];
        for (int s = 0; s < steps.length; s++) {
            costs[s] = staticCost(ir.steps.get(s), steps[s].knownOutputs());
        }
        parallel = parallelSchedule && ParallelRun.HELPERS > 0 && schedule.hasIndependentSteps
                && ParallelRun.mayOverlap(costs);
    }

    /** The step's traced output specs when its inputs' and outputs' shapes are all fully defined, else null. */
    private static TensorSpec[] knownOutputs(Ir.Step step) {
        for (Ir.Value v : step.inputs) {
            if (!v.spec.shape().isFullyDefined()) {
                return null;
            }
        }
        TensorSpec[] out = new TensorSpec[step.outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = step.outputs[i].spec;
            if (!out[i].shape().isFullyDefined()) {
                return null;
            }
        }
        return out;
    }

    /** A step's {@link Op#cost} when the traced shapes are fully defined ({@code out}, its known outputs), else -1 (known at run time). */
    private static long staticCost(Ir.Step step, TensorSpec[] out) {
        if (out == null) {
            return -1;
        }
        TensorSpec[] in = java.util.Arrays.stream(step.inputs).map(v -> v.spec).toArray(TensorSpec[]::new);
        return step.op.cost(in, out);
    }

    public Report report() {
        return report;
    }

    public MemoryStats lastMemoryStats() {
        return lastStats;
    }

    public ScheduleStats lastScheduleStats() {
        return lastSchedule;
    }

    /** True when calls may run independent steps side by side. */
    public boolean isParallel() {
        return parallel;
    }

    public int stepCount() {
        return steps.length;
    }

    /** The scheduled steps, one line each, for debugging. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append(s.name).append(" = ").append(s.op).append('\n');
        }
        return sb.toString();
    }

    /** Runs the program on values for its feeds, in order; returns the fetches in order. */
    public synchronized Tensor[] run(Tensor... feeds) {
        if (feeds.length != feedSlots.length) {
            throw new IllegalArgumentException("expected " + feedSlots.length + " fed values, got " + feeds.length);
        }
        Tensor[] values = constants.clone();
        for (int i = 0; i < feeds.length; i++) {
            new Placeholder(feedSpecs[i]).checkFeed(feedNames[i], feeds[i]);
            values[feedSlots[i]] = feeds[i];
        }
        Execution run = new Execution(steps, schedule, planning, pool, values);
        Tensor[] results = new Tensor[resultSlots.length];
        // kernels that call ops internally must compute them, even when a graph is the thread's default
        try (var eager = ExecutionContext.install(ExecutionContext.EAGER)) {
            if (parallel && !ParallelRun.onHelperThread()) {
                lastSchedule = new ParallelRun(run, schedule, costs).run();
            } else {
                for (int s = 0; s < steps.length; s++) {
                    Execution.Call call = run.begin(s, null);
                    run.compute(call);
                    run.finish(call);
                }
                lastSchedule = new ScheduleStats(false, 0, steps.length == 0 ? 0 : 1);
            }
            for (int i = 0; i < results.length; i++) {
                results[i] = values[resultSlots[i]];
                pool.escape(results[i]);
            }
        } finally {
            run.endBorrows(results);
        }
        lastStats = run.stats();
        return results;
    }
}
