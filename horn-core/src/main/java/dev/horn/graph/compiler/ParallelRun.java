package dev.horn.graph.compiler;

import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One call of a program under a dependency-counting schedule. Each step waits for the number
 * of steps {@link Schedule} says it depends on; when the count reaches zero its output specs
 * are inferred, its cost ({@link dev.horn.ops.Op#cost}) sorts it into one of three kinds, and
 * it joins the ready set:
 * <ul>
 *   <li><b>big</b> ({@link #SPLIT_COST} and up): the kernel spreads its work over Horn's cores
 *       by itself, so it runs alone, on the calling thread, once nothing else runs;
 *   <li><b>medium</b> ({@link #DISPATCH_COST} up to big): worth handing to another core: while
 *       such steps are ready and nobody idle could take them, a helper thread is woken;
 *   <li><b>tiny</b>: cheaper than waking a thread; whichever thread is free runs it.
 * </ul>
 * The calling thread and the helpers all take the earliest ready step in program order, so a
 * graph with nothing worth overlapping runs on the caller, in program order, as it would
 * sequentially. Helpers are a small pool of daemon threads, one fewer than
 * {@link Parallel#THREADS}, separate from the kernels' pool so that a kernel on a helper
 * splits its work exactly as it would on the caller (same chunks, same values). A helper leaves
 * when it finds nothing it may take.
 *
 * <p>All bookkeeping (ready set, counts, slot releases) happens under one lock; only kernels
 * run outside it. A kernel's failure stops new steps from starting; the call throws it once
 * the running ones are done.
 */
final class ParallelRun {
    /** From this cost a kernel splits its work across the cores itself (element-wise kernels do). */
    static final long SPLIT_COST = 2L * BroadcastLoop.GRAIN;
    /** Below this cost handing a step to another thread costs more than it saves. */
    static final long DISPATCH_COST = BroadcastLoop.GRAIN / 4;
    /** The dispatch threshold in force: tests lower it to hand even tiny steps to helpers. */
    static volatile long dispatchCost = DISPATCH_COST;
    /** Helper threads available to every program. */
    static final int HELPERS = Parallel.THREADS - 1;

    private static final ExecutorService POOL = HELPERS <= 0 ? null : Executors.newFixedThreadPool(HELPERS, r -> {
        Thread t = new Helper(r);
        t.setDaemon(true);
        return t;
    });

    private static final class Helper extends Thread {
        Helper(Runnable r) {
            super(r, "horn-step-helper");
        }
    }

    private static final byte TINY = 0;
    private static final byte MEDIUM = 1;
    private static final byte BIG = 2;
    private static final int WAIT = -1;
    private static final int DONE = -2;

    private final Execution run;
    private final Schedule schedule;
    private final long[] costs;
    private final int steps;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final int[] waiting;
    private final TensorSpec[][] outSpecs;
    private final byte[] kind;
    private final BitSet readySmall = new BitSet();
    private final BitSet readyBig = new BitSet();
    private int mediumReady;
    private int running;
    private int done;
    private int helpers;
    private boolean callerWaiting;
    private boolean exclusive; // a big step is running
    private Throwable failure;
    private int onHelpers;
    private int mostAtOnce;

    /** @param costs each step's cost, or -1 where it depends on shapes known only at run time */
    ParallelRun(Execution run, Schedule schedule, long[] costs) {
        this.run = run;
        this.schedule = schedule;
        this.costs = costs;
        this.steps = costs.length;
        this.waiting = schedule.predecessors.clone();
        this.outSpecs = new TensorSpec[steps][];
        this.kind = new byte[steps];
    }

    /** True when at least two steps may be worth a core of their own (or their cost is not known yet). */
    static boolean mayOverlap(long[] costs) {
        int candidates = 0;
        for (long c : costs) {
            candidates += c < 0 || (c >= dispatchCost && c < SPLIT_COST) ? 1 : 0;
        }
        return candidates >= 2;
    }

    static boolean onHelperThread() {
        return Thread.currentThread() instanceof Helper;
    }

    /** Runs every step; returns how the call was scheduled. */
    Program.ScheduleStats run() {
        lock.lock();
        try {
            for (int s = 0; s < steps; s++) {
                if (waiting[s] == 0) {
                    ready(s);
                }
            }
        } finally {
            lock.unlock();
        }
        work(true);
        if (failure != null) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure);
        }
        return new Program.ScheduleStats(true, onHelpers, mostAtOnce);
    }

    /** The loop of the caller and of each helper: take a step, run it, account for it. */
    private void work(boolean caller) {
        lock.lock();
        try {
            while (true) {
                int s = next(caller);
                if (s == DONE) {
                    return;
                }
                if (s == WAIT) {
                    callerWaiting = true;
                    progress.awaitUninterruptibly();
                    callerWaiting = false;
                    continue;
                }
                Execution.Call call = run.begin(s, outSpecs[s]);
                running++;
                mostAtOnce = Math.max(mostAtOnce, running);
                onHelpers += caller ? 0 : 1;
                wakeHelper();
                Throwable error = null;
                lock.unlock();
                try {
                    run.compute(call);
                } catch (Throwable t) {
                    error = t;
                } finally {
                    lock.lock();
                }
                running--;
                exclusive = false; // only a big step runs while it is set
                if (error != null) {
                    fail(error);
                } else {
                    run.finish(call);
                    done++;
                    for (int b : schedule.successors[s]) {
                        if (--waiting[b] == 0) {
                            ready(b);
                        }
                    }
                }
                if (callerWaiting) {
                    progress.signal();
                }
            }
        } finally {
            if (!caller) {
                helpers--;
            }
            lock.unlock();
        }
    }

    /** The step this thread should run now, or WAIT (caller only) or DONE. */
    private int next(boolean caller) {
        if (failure != null || done == steps) {
            return caller && running > 0 ? WAIT : DONE;
        }
        if (exclusive) {
            return caller ? WAIT : DONE;
        }
        int big = readyBig.nextSetBit(0);
        if (big >= 0) { // let the others drain, then run it alone
            if (caller && running == 0) {
                readyBig.clear(big);
                exclusive = true;
                return big;
            }
            return caller ? WAIT : DONE;
        }
        int s = readySmall.nextSetBit(0);
        if (s >= 0) {
            readySmall.clear(s);
            mediumReady -= kind[s] == MEDIUM ? 1 : 0;
            return s;
        }
        if (caller && running == 0) {
            throw new IllegalStateException("schedule stalled with " + (steps - done) + " steps left");
        }
        return caller ? WAIT : DONE;
    }

    /** A step whose inputs are all there: sort it by cost (inferring its outputs when shapes were unknown). */
    private void ready(int s) {
        long cost = costs[s];
        if (cost < 0) {
            try {
                outSpecs[s] = run.infer(s);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            cost = run.cost(s, outSpecs[s]);
        }
        kind[s] = cost >= SPLIT_COST ? BIG : cost >= dispatchCost ? MEDIUM : TINY;
        if (kind[s] == BIG) {
            readyBig.set(s);
        } else {
            readySmall.set(s);
            mediumReady += kind[s] == MEDIUM ? 1 : 0;
        }
    }

    /** Wakes one more helper when medium steps are ready that no idle thread will take. */
    private void wakeHelper() {
        int idle = callerWaiting ? 1 : 0;
        if (mediumReady > idle && helpers < HELPERS && readyBig.isEmpty() && !exclusive) {
            helpers++;
            POOL.execute(() -> work(false));
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        } else if (failure != t) {
            failure.addSuppressed(t);
        }
    }
}
