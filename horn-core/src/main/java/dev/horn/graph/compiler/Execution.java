package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.state.ReadVariable;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The state of one call of a {@link Program}: slot values, how many readers each slot still
 * has, and how many live slots share each pooled buffer. A step is run in three parts:
 * {@link #begin} (gather inputs, pick an in-place buffer), {@link #compute} (the kernel) and
 * {@link #finish} (store outputs, release slots whose last reader this was). Under a parallel
 * schedule, begin and finish run under the scheduler's lock and compute outside it, so kernels
 * overlap while the bookkeeping stays in one thread at a time; releases then follow the order
 * in which steps really finish.
 *
 * <p>In place: an element-wise step may write its result into the buffer of an input when
 * <ul>
 *   <li>the step is that input slot's last reader and no other live slot shares the buffer;
 *   <li>every input on that buffer starts at its first element and covers all of it, so the
 *       kernel reads element i exactly where it writes element i;
 *   <li>the kernel's first allocation asks for that dtype and size: element-wise kernels
 *       allocate their result first (temporary copies of strided inputs bypass the pool).
 * </ul>
 * The buffer is reserved for that one step, never put in the shared pool where a step running
 * at the same time could take it; if the kernel does not use it, it returns to the pool after.
 *
 * <p>Variable reads borrow the variable's buffer ({@link Variable#borrow}): it is pinned while
 * any live slot refers to it (the read's own slot, or views of it that share its array), so an
 * update in this run writes it in place only once nothing still to run can read it. A borrowed
 * buffer that escapes — an input of a stateful step, which may keep it, or a fetched result —
 * is given back as shared: the variable's next update writes a new buffer.
 */
final class Execution {
    /** One step on its way through begin, compute and finish. */
    static final class Call {
        final int step;
        Tensor[] in;
        TensorSpec[] outSpecs;
        Object reserved;
        Tensor[] out;

        Call(int step) {
            this.step = step;
        }
    }

    private final Program.Step[] steps;
    private final Schedule schedule;
    private final boolean planning;
    private final BufferPool pool;
    final Tensor[] values;
    private final int[] readersLeft;
    private final Map<Object, Integer> refs = new IdentityHashMap<>();
    private final Map<Object, Borrowed> borrowed = new IdentityHashMap<>();
    private final BufferPool.Counting counting = new BufferPool.Counting();

    Execution(Program.Step[] steps, Schedule schedule, boolean planning, BufferPool pool, Tensor[] values) {
        this.steps = steps;
        this.schedule = schedule;
        this.planning = planning;
        this.pool = pool;
        this.values = values;
        this.readersLeft = schedule.readers.clone();
        pool.resetStats();
    }

    /** The output specs of a step whose inputs are all present. */
    TensorSpec[] infer(int s) {
        return steps[s].op().infer(inputSpecs(s));
    }

    /** The step's {@link dev.horn.ops.Op#cost} at this call's shapes. */
    long cost(int s, TensorSpec[] outSpecs) {
        return steps[s].op().cost(inputSpecs(s), outSpecs);
    }

    private TensorSpec[] inputSpecs(int s) {
        int[] inputs = steps[s].inputs();
        TensorSpec[] specs = new TensorSpec[inputs.length];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = values[inputs[i]].spec();
        }
        return specs;
    }

    Call begin(int s, TensorSpec[] outSpecs) {
        Program.Step step = steps[s];
        Call call = new Call(s);
        call.outSpecs = outSpecs;
        call.in = new Tensor[step.inputs().length];
        for (int i = 0; i < call.in.length; i++) {
            call.in[i] = values[step.inputs()[i]];
        }
        if (step.op().keepsInputs()) {
            for (Tensor t : call.in) {
                pool.escape(t); // a variable may keep it
                Borrowed b = borrowed.get(t.storage());
                if (b != null) {
                    b.shared = true;
                }
            }
        } else if (planning && step.elementwise()) {
            call.reserved = reserveInPlace(s, call.in);
        }
        return call;
    }

    /** Runs the kernel; safe to call from any thread, several at once. */
    void compute(Call call) {
        Program.Step step = steps[call.step];
        if (call.outSpecs == null) {
            call.outSpecs = step.knownOutputs();
        }
        if (call.outSpecs == null) {
            TensorSpec[] specs = new TensorSpec[call.in.length];
            for (int i = 0; i < specs.length; i++) {
                specs[i] = call.in[i].spec();
            }
            call.outSpecs = step.op().infer(specs);
        }
        // what a stateful kernel allocates may be kept (a variable's new value): not from the pool
        BufferPool.InPlace inPlace = call.reserved == null ? null : new BufferPool.InPlace(pool, call.reserved);
        HeapArrays.Allocator allocator = step.op().isStateful() ? null
                : !planning ? counting : inPlace != null ? inPlace : pool;
        HeapArrays.Allocator previous = HeapArrays.install(allocator);
        long start = StepProfile.ENABLED ? System.nanoTime() : 0;
        try {
            call.out = step.op() instanceof ReadVariable read
                    ? new Tensor[] {read.computeBorrowed()}
                    : step.op().compute(call.in, call.outSpecs);
            if (StepProfile.ENABLED) {
                StepProfile.add(step.op(), call.outSpecs, System.nanoTime() - start);
            }
        } finally {
            HeapArrays.install(previous);
            if (inPlace != null) {
                call.reserved = inPlace.unused();
            }
        }
    }

    void finish(Call call) {
        Program.Step step = steps[call.step];
        if (step.op() instanceof ReadVariable read) {
            borrowed.computeIfAbsent(call.out[0].storage(), k -> new Borrowed(read.variable(), call.out[0])).borrows++;
        }
        for (int i = 0; i < call.out.length; i++) {
            values[step.outputs()[i]] = call.out[i];
            if (planning && pool.owns(call.out[i].storage())) {
                refs.merge(call.out[i].storage(), 1, Integer::sum);
            }
            Borrowed b = borrowed.get(call.out[i].storage());
            if (b != null) {
                b.slots++;
            }
        }
        if (call.reserved != null) {
            pool.give(call.reserved);
        }
        for (int v : schedule.distinctInputs[call.step]) {
            if (readersLeft[v] != Schedule.KEPT && readersLeft[v] > 0 && --readersLeft[v] == 0) {
                release(v);
            }
        }
        for (int v : step.outputs()) {
            if (readersLeft[v] == 0) {
                release(v); // produced but never read
            }
        }
    }

    /** The buffer of an input this step may overwrite (see the class comment), taken off its slot; or null. */
    private Object reserveInPlace(int s, Tensor[] in) {
        for (int v : schedule.distinctInputs[s]) {
            Tensor t = values[v];
            if (readersLeft[v] != 1 || t == null || !pool.owns(t.storage()) || refs.getOrDefault(t.storage(), 0) != 1) {
                continue;
            }
            Object buffer = t.storage();
            if (readsInPlace(in, buffer)) {
                readersLeft[v] = 0;
                values[v] = null;
                refs.remove(buffer);
                return buffer;
            }
        }
        return null;
    }

    private static boolean readsInPlace(Tensor[] in, Object buffer) {
        int length = java.lang.reflect.Array.getLength(buffer);
        for (Tensor x : in) {
            if (x.storage() == buffer && (x.offset() != 0 || !x.isContiguous() || x.size() != length)) {
                return false;
            }
        }
        return true;
    }

    /** Drops a dead slot; its buffer returns to the pool when no live slot shares it. */
    private void release(int slot) {
        Tensor t = values[slot];
        values[slot] = null;
        Borrowed b = t == null ? null : borrowed.get(t.storage());
        if (b != null && --b.slots == 0) {
            borrowed.remove(t.storage());
            b.giveBack();
        }
        if (!planning || t == null || !pool.owns(t.storage())) {
            return;
        }
        int left = refs.merge(t.storage(), -1, Integer::sum);
        if (left <= 0) {
            refs.remove(t.storage());
            pool.give(t.storage());
        }
    }

    /** At the end of a run (or after a failure): gives back every borrow still out, shared when fetched. */
    void endBorrows(Tensor[] results) {
        for (Tensor r : results) {
            Borrowed b = r == null ? null : borrowed.get(r.storage());
            if (b != null) {
                b.shared = true;
            }
        }
        borrowed.values().forEach(Borrowed::giveBack);
        borrowed.clear();
    }

    /** A variable buffer this run's reads borrowed: how many reads, how many live slots refer to it. */
    private static final class Borrowed {
        final Variable variable;
        final Tensor value;
        int borrows;
        int slots;
        boolean shared;

        Borrowed(Variable variable, Tensor value) {
            this.variable = variable;
            this.value = value;
        }

        void giveBack() {
            for (; borrows > 0; borrows--) {
                variable.giveBack(value, shared);
            }
        }
    }

    Program.MemoryStats stats() {
        return planning ? pool.stats() : counting.stats();
    }
}
