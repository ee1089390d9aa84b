package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.Placeholder;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.ExecutionContext;
import dev.horn.ops.Op;
import dev.horn.ops.UnaryOp;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A compiled graph: a flat schedule of kernels over numbered slots, with each slot's last use
 * known in advance. Running it feeds the inputs, runs every step, and returns the fetches.
 *
 * <p>With buffer planning, a slot's buffer goes back to a pool right after its last use and
 * the next kernel asking for an array of that dtype and size gets it; element-wise kernels may
 * take the buffer of an input that dies at that very step (in place). The pool lives as long
 * as the program, so a training loop stops allocating after its first step. Buffers that
 * escape — fetched results, values stored into variables, constants, fed inputs — are never
 * reused. A program runs one call at a time.
 */
public final class Program {
    /** What the compiler did, for tests and benchmarks. */
    public record Report(int lowered, int folded, int merged, int fusedAway, int scheduled) {}

    /** Memory figures of the latest run. */
    public record MemoryStats(long allocatedBytes, long peakLiveBytes, int allocations, int reuses) {}

    private record Step(Op op, int[] inputs, int[] outputs, int[] releaseBefore, int[] releaseAfter, String name) {
        /** The op and its output shapes, as the profile groups steps. */
        String profileKey(Tensor[] values) {
            StringBuilder sb = new StringBuilder(op.toString()).append(" ->");
            for (int o : outputs) {
                sb.append(' ').append(values[o] == null ? "?" : values[o].shape());
            }
            return sb.toString();
        }
    }

    private final Step[] steps;
    private final int slots;
    private final Tensor[] constants;
    private final int[] feedSlots;
    private final TensorSpec[] feedSpecs;
    private final String[] feedNames;
    private final int[] resultSlots;
    private final boolean planning;
    private final Report report;
    private final BufferPool pool = new BufferPool();
    private MemoryStats lastStats = new MemoryStats(0, 0, 0, 0);

    Program(Ir ir, boolean planning, Report report) {
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
        int[][] ins = new int[ir.steps.size()][];
        int[][] outs = new int[ir.steps.size()][];
        for (int s = 0; s < ir.steps.size(); s++) {
            Ir.Step step = ir.steps.get(s);
            ins[s] = java.util.Arrays.stream(step.inputs).mapToInt(slot::apply).toArray();
            outs[s] = java.util.Arrays.stream(step.outputs).mapToInt(slot::apply).toArray();
        }
        resultSlots = ir.results.stream().mapToInt(slot::apply).toArray();
        slots = slotOf.size();
        constants = consts.toArray(Tensor[]::new);
        // last use of each slot; fetched slots live to the end
        int[] lastUse = new int[slots];
        java.util.Arrays.fill(lastUse, -1);
        for (int s = 0; s < ins.length; s++) {
            for (int v : ins[s]) {
                lastUse[v] = s;
            }
            for (int v : outs[s]) {
                lastUse[v] = Math.max(lastUse[v], s);
            }
        }
        for (int v : resultSlots) {
            lastUse[v] = Integer.MAX_VALUE;
        }
        steps = new Step[ins.length];
        for (int s = 0; s < ins.length; s++) {
            Ir.Step step = ir.steps.get(s);
            boolean inPlace = step.op instanceof UnaryOp || step.op instanceof BinaryOp || step.op instanceof FusedElementwise;
            java.util.List<Integer> before = new java.util.ArrayList<>();
            java.util.List<Integer> after = new java.util.ArrayList<>();
            for (int v : ins[s]) {
                if (lastUse[v] == s && !before.contains(v) && !after.contains(v)) {
                    (inPlace ? before : after).add(v);
                }
            }
            for (int v : outs[s]) {
                if (lastUse[v] == s) {
                    after.add(v); // produced but never read
                }
            }
            steps[s] = new Step(step.op, ins[s], outs[s], before.stream().mapToInt(Integer::intValue).toArray(),
                    after.stream().mapToInt(Integer::intValue).toArray(), step.name);
        }
    }

    public Report report() {
        return report;
    }

    public MemoryStats lastMemoryStats() {
        return lastStats;
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
        Run run = new Run(values);
        HeapArrays.Allocator previous = HeapArrays.install(planning ? pool : run.counting);
        // kernels that call ops internally must compute them, even when a graph is the thread's default
        try (var eager = ExecutionContext.install(ExecutionContext.EAGER)) {
            for (Step step : steps) {
                if (StepProfile.ENABLED) {
                    long start = System.nanoTime();
                    run.execute(step);
                    StepProfile.add(step.profileKey(values), System.nanoTime() - start);
                } else {
                    run.execute(step);
                }
            }
        } finally {
            HeapArrays.install(previous);
        }
        Tensor[] results = new Tensor[resultSlots.length];
        for (int i = 0; i < results.length; i++) {
            results[i] = values[resultSlots[i]];
            pool.escape(results[i]);
        }
        lastStats = run.stats();
        return results;
    }

    /** The state of one call: slot values and how many live slots point at each pooled array. */
    private final class Run {
        final Tensor[] values;
        final Map<Object, Integer> refs = new IdentityHashMap<>();
        final BufferPool.Counting counting = new BufferPool.Counting();

        Run(Tensor[] values) {
            this.values = values;
            pool.resetStats();
        }

        void execute(Step step) {
            Tensor[] in = new Tensor[step.inputs.length];
            TensorSpec[] specs = new TensorSpec[in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = values[step.inputs[i]];
                specs[i] = in[i].spec();
            }
            if (step.op.isStateful()) {
                for (Tensor t : in) {
                    pool.escape(t); // a variable may keep it
                }
            }
            if (planning) {
                for (int v : step.releaseBefore) {
                    release(v, in);
                }
            }
            Tensor[] out;
            if (step.op.isStateful()) {
                // what a stateful kernel allocates may be kept (a variable's new value): not from the pool
                HeapArrays.Allocator active = HeapArrays.install(null);
                try {
                    out = step.op.compute(in, step.op.infer(specs));
                } finally {
                    HeapArrays.install(active);
                }
            } else {
                out = step.op.compute(in, step.op.infer(specs));
            }
            for (int i = 0; i < out.length; i++) {
                values[step.outputs[i]] = out[i];
                if (planning && pool.owns(out[i].storage())) {
                    refs.merge(out[i].storage(), 1, Integer::sum);
                }
            }
            if (planning) {
                for (int v : step.releaseAfter) {
                    release(v, null);
                }
            }
        }

        /** Drops a dead slot; its buffer returns to the pool when no live slot shares it. */
        private void release(int slot, Tensor[] stillReading) {
            Tensor t = values[slot];
            values[slot] = null;
            if (t == null || !pool.owns(t.storage())) {
                return;
            }
            int left = refs.merge(t.storage(), -1, Integer::sum);
            if (left <= 0) {
                refs.remove(t.storage());
                // in place only when the kernel reads the buffer exactly where it writes
                boolean aligned = stillReading == null || (t.offset() == 0 && t.isContiguous());
                if (aligned) {
                    pool.give(t.storage());
                }
            }
        }

        MemoryStats stats() {
            return planning ? pool.stats() : counting.stats();
        }
    }
}
