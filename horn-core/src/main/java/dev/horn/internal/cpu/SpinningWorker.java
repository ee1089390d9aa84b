package dev.horn.internal.cpu;

import java.util.concurrent.locks.LockSupport;

/**
 * A kernel thread that waits for work by spinning, then sleeping. After each task it polls its
 * slot for {@link #SPIN_NANOS} before it parks, so in a training loop, where a split kernel
 * follows another within microseconds, a hand-off is a write of one field; an idle program
 * stops burning the core within a millisecond. Past the first {@link #TIGHT_SPIN_NANOS} of a
 * wait, both the worker and a caller awaiting it poll between {@link Thread#yield}s rather than
 * pause instructions: when the machine has more runnable threads than cores (the JIT, the
 * collector, another process), a thread spinning on pauses holds a core that the thread it
 * waits for may be queued behind, and on two cores each wait then lasted a scheduler slice; a
 * yield with nobody else runnable returns in under a microsecond.
 *
 * <p>Between tasks the worker also runs {@link IdleWork}, one grain per look at its slot.
 *
 * <p>The slot protocol: {@link #submit} publishes a task and unparks the thread if it said it
 * was about to park; the thread re-checks the slot after saying so, so a task is never missed.
 * Whoever takes the task from the slot first runs it: {@link #await} runs it on the caller when
 * the worker has not started it yet (on two cores the worker is often descheduled by the JIT or
 * the collector, and the caller used to spin until it came back), else it spins, then yields,
 * until the task has finished. Which thread runs a chunk never changes its result.
 */
final class SpinningWorker implements Runnable {
    /** How long an idle worker keeps polling before it parks. */
    static final long SPIN_NANOS = 1_000_000;
    /** How long a wait polls with pause instructions before it polls between yields. */
    static final long TIGHT_SPIN_NANOS = 20_000;

    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> task = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile boolean finished = true;
    private volatile boolean parking;
    private volatile Throwable failure;

    private SpinningWorker(int index) {
        thread = Thread.ofPlatform().daemon().name("horn-cpu-" + index).unstarted(this);
    }

    static SpinningWorker[] start(int count) {
        SpinningWorker[] workers = new SpinningWorker[Math.max(0, count)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new SpinningWorker(i + 1);
            workers[i].thread.start();
        }
        return workers;
    }

    static boolean isWorkerThread() {
        return Thread.currentThread().getName().startsWith("horn-cpu-")
                && Thread.currentThread().isDaemon();
    }

    /** Gives the worker a task; the previous one must have been awaited. */
    void submit(Runnable work) {
        failure = null;
        finished = false;
        task.set(work);
        if (parking) {
            LockSupport.unpark(thread);
        }
    }

    /** Wakes the thread if it is parked or about to park, so that it looks for {@link IdleWork}. */
    void wake() {
        if (parking) {
            LockSupport.unpark(thread);
        }
    }

    /** Waits for the submitted task; returns what it threw, or null. */
    Throwable await() {
        Runnable notStarted = task.getAndSet(null);
        if (notStarted != null) {
            runTask(notStarted);
            return failure;
        }
        long since = System.nanoTime();
        while (!finished) {
            if (System.nanoTime() - since < TIGHT_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the worker may be descheduled: give it the core
            }
        }
        return failure;
    }

    @Override
    public void run() {
        long idleSince = System.nanoTime();
        while (true) {
            // read before taking: a spinning exchange would keep stealing the slot's cache line from the submitter
            Runnable work = task.get() == null ? null : task.getAndSet(null);
            IdleWork idle;
            if (work != null) {
                runTask(work);
                idleSince = System.nanoTime();
            } else if ((idle = IdleWork.posted()) != null && idle.runOne()) {
                idleSince = System.nanoTime(); // one grain, then the slot again
            } else if (System.nanoTime() - idleSince < TIGHT_SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.yield();
            } else {
                parking = true;
                if (task.get() == null && IdleWork.posted() == null) {
                    LockSupport.park(this);
                }
                parking = false;
                idleSince = System.nanoTime();
            }
        }
    }

    private void runTask(Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            failure = t;
        }
        finished = true;
    }
}
