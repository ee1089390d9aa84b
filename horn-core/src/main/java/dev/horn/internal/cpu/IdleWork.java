package dev.horn.internal.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Work for the kernel pool's idle moments: numbered grains that a {@link SpinningWorker} with no
 * kernel to run takes one at a time, polling its task slot between them, so a kernel split that
 * arrives meanwhile waits for one grain at most. Whoever started it {@link #join}s it later and
 * runs every grain no worker has taken. Grains are claimed in increasing order, each once.
 *
 * <p>Made for the next training batch's gather. On two cores the worker idles while the caller
 * runs a step's serial ops (the small products, the loss and the metrics), a few hundred
 * microseconds a step, and the gather (a hundred microseconds of reading rows scattered over the
 * data set, on one core) fits in those gaps instead of delaying the next step. One piece of idle
 * work is posted at a time; one started while another is pending, with no workers, or inside
 * {@link Parallel#withThreads} of one thread, is simply run by its {@link #join}.
 */
public final class IdleWork {
    private static final AtomicReference<IdleWork> POSTED = new AtomicReference<>();

    private final int count;
    private final IntConsumer grain;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Throwable failure;

    private IdleWork(int count, IntConsumer grain) {
        this.count = count;
        this.grain = grain;
    }

    /** Posts grains {@code 0 .. count-1} for idle workers; {@link #join} before using what they make. */
    public static IdleWork start(int count, IntConsumer grain) {
        IdleWork work = new IdleWork(Math.max(0, count), grain);
        if (work.count > 0 && Parallel.threads() > 1 && !SpinningWorker.isWorkerThread()
                && POSTED.compareAndSet(null, work)) {
            Parallel.wakeWorkers();
        }
        return work;
    }

    /** The posted work, or null: what an idle worker looks at between polls of its slot. */
    static IdleWork posted() {
        return POSTED.get();
    }

    /** Runs the next grain; false when none was left (the work is then taken down). */
    boolean runOne() {
        int i = next.get() < count ? next.getAndIncrement() : count;
        if (i >= count) {
            POSTED.compareAndSet(this, null);
            return false;
        }
        try {
            if (failure == null) {
                grain.accept(i);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            finished.incrementAndGet();
        }
        return true;
    }

    /**
     * Runs the grains nobody has taken on this thread, waits for those under way on workers, and
     * rethrows the first failure. Everything the grains wrote is visible after it returns.
     */
    public void join() {
        while (runOne()) {
            // the caller takes what is left
        }
        awaitFinished(count);
        Parallel.rethrow(failure);
    }

    /** Starts no more grains and waits for those under way: for work whose result is no longer wanted. */
    public void cancel() {
        int started = Math.min(count, next.getAndAccumulate(count, Math::max));
        POSTED.compareAndSet(this, null);
        awaitFinished(started);
    }

    private void awaitFinished(int started) {
        long since = System.nanoTime();
        while (finished.get() < started) {
            if (System.nanoTime() - since < SpinningWorker.TIGHT_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
