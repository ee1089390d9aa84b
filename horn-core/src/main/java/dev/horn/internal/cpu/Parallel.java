package dev.horn.internal.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Splits a loop over [0, n) across Horn's CPU pool, one chunk per core. Work below
 * {@code grain * 2} runs on the caller: a hand-off costs microseconds, which small tensors
 * cannot repay. Chunk boundaries depend only on n and the thread count, so results are
 * deterministic at a fixed thread count.
 *
 * <p>Two settings limit the threads. The system property {@code horn.threads} sizes the pool
 * once per process (default: the core count). {@link #withThreads} narrows it for one block of
 * code on the calling thread, e.g. to measure a kernel on one core and then on all of them in
 * the same run; it is a {@link ScopedValue}, so it ends with the block and does not leak into
 * other threads. Kernels ask {@link #threads()} rather than reading the pool size.
 */
public final class Parallel {
    /** The pool size: the system property {@code horn.threads}, else the core count. */
    public static final int THREADS = Math.max(1, Integer.getInteger("horn.threads", Runtime.getRuntime().availableProcessors()));

    /** Pieces per thread a balanced split cuts its work into ({@link #forRangeBalanced}). */
    public static final int PIECES_PER_THREAD = 4;

    private static final SpinningWorker[] WORKERS = SpinningWorker.start(THREADS - 1);
    /** One split at a time owns the workers; a concurrent one (the parallel schedule) runs inline. */
    private static final AtomicBoolean WORKERS_IN_USE = new AtomicBoolean();
    private static final ScopedValue<Integer> LIMIT = ScopedValue.newInstance();

    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private Parallel() {}

    /** Threads a kernel called now may use: the pool size, or less inside {@link #withThreads}. */
    public static int threads() {
        return LIMIT.isBound() ? LIMIT.get() : THREADS;
    }

    /** Runs {@code body} with kernels limited to {@code threads} threads (at most the pool size). */
    public static <T> T withThreads(int threads, Supplier<T> body) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return ScopedValue.where(LIMIT, Math.min(threads, THREADS)).call(body::get);
    }

    /** Runs {@code body} with kernels limited to {@code threads} threads (at most the pool size). */
    public static void withThreads(int threads, Runnable body) {
        withThreads(threads, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} over [0, n) in one chunk per thread ({@link #forGrains} with as many grains
     * as threads), the caller taking the first. The other chunks go to {@link SpinningWorker}s,
     * which hand off in about a microsecond where a ForkJoinPool's park and unpark cost tens to a
     * hundred (measured on 65K-float element-wise kernels of a training step: two threads were
     * slower than one); a chunk no worker has taken when the caller is done runs on the caller.
     * Work below {@code 2 * grain}, work inside a worker, or work while another split holds the
     * workers runs on the caller.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(Math.min(threads(), WORKERS.length + 1), n / Math.max(1, grain));
        if (chunks <= 1) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        forGrains(n, (int) (((long) n + chunks - 1) / chunks), () -> body);
    }

    /**
     * Runs {@code body} over [0, n) cut into {@code pieces} ranges of equal size (the last one
     * shorter), which the threads claim one at a time: {@link #forGrains} with grains of
     * ceil(n / pieces).
     */
    public static void forPieces(int n, int pieces, RangeBody body) {
        int p = Math.max(1, Math.min(pieces, n));
        forGrains(n, Math.max(1, (int) (((long) n + p - 1) / p)), () -> body);
    }

    /**
     * Runs [0, n) in grains [g * grain, (g + 1) * grain) that the threads claim one at a time,
     * the caller among them, so a worker that starts late (descheduled, or waking from its park,
     * which on a shared two-core machine takes from microseconds to milliseconds) takes fewer
     * grains instead of leaving the caller idle or redoing its whole half. Each thread that
     * takes a grain first calls {@code perThread} once (to set up its scratch) and runs the body
     * it returns on every grain it takes. With one thread, inside a worker, or while another split
     * holds the workers, the caller runs all grains in order. Boundaries depend only on n and
     * {@code grain}, so a body whose grains write their own outputs (or their own partial sums,
     * added later in grain order) gives the same bits whichever thread runs which grain.
     */
    public static void forGrains(int n, int grain, Supplier<RangeBody> perThread) {
        int g = Math.max(1, grain);
        int count = (int) (((long) Math.max(0, n) + g - 1) / g);
        int threads = Math.min(Math.min(threads(), WORKERS.length + 1), count);
        if (!claimWorkers(threads)) {
            if (count > 0) {
                RangeBody body = perThread.get();
                for (int i = 0; i < count; i++) {
                    body.run(i * g, (int) Math.min(n, (long) (i + 1) * g));
                }
            }
            return;
        }
        try {
            AtomicInteger next = new AtomicInteger();
            Runnable claim = () -> {
                RangeBody body = null;
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        if (body == null) {
                            body = perThread.get();
                        }
                        body.run(i * g, (int) Math.min(n, (long) (i + 1) * g));
                    } catch (Throwable t) {
                        next.set(count); // the others stop at their next claim
                        throw t;
                    }
                }
            };
            for (int c = 1; c < threads; c++) {
                WORKERS[c - 1].submit(claim);
            }
            Throwable failure = null;
            try {
                claim.run();
            } catch (Throwable t) {
                failure = t;
            }
            rethrow(awaitWorkers(threads, failure));
        } finally {
            WORKERS_IN_USE.set(false);
        }
    }

    /**
     * {@link #forPieces} in pieces of at least {@code grain} elements, up to
     * {@link #PIECES_PER_THREAD} per thread: for kernels whose cost is even across [0, n).
     */
    public static void forRangeBalanced(int n, int grain, RangeBody body) {
        forPieces(n, Math.min(n / Math.max(1, grain), PIECES_PER_THREAD * threads()), body);
    }

    /** Wakes parked workers so that they take the {@link IdleWork} just posted. */
    static void wakeWorkers() {
        for (SpinningWorker w : WORKERS) {
            w.wake();
        }
    }

    /** True when this split may hand {@code threads - 1} parts to the workers (it then owns them). */
    private static boolean claimWorkers(int threads) {
        return threads > 1 && !SpinningWorker.isWorkerThread() && WORKERS_IN_USE.compareAndSet(false, true);
    }

    /** Waits for the first {@code threads - 1} workers; the first failure wins. */
    private static Throwable awaitWorkers(int threads, Throwable failure) {
        for (int c = 1; c < threads; c++) {
            Throwable t = WORKERS[c - 1].await();
            if (failure == null) {
                failure = t;
            }
        }
        return failure;
    }

    /** Throws {@code failure} as it is when unchecked, wrapped when checked; nothing when null. */
    static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
