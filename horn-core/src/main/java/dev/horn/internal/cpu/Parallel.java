package dev.horn.internal.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
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
     * Runs {@code body} over [0, n) in one chunk per thread, the caller taking the first. The other
     * chunks go to {@link SpinningWorker}s, which hand off in about a microsecond where a
     * ForkJoinPool's park and unpark cost tens to a hundred (measured on 65K-float element-wise
     * kernels of a training step: two threads were slower than one). Inside a worker, or while
     * another split holds the workers, the whole range runs on the caller.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(Math.min(threads(), WORKERS.length + 1), n / Math.max(1, grain));
        if (chunks <= 1 || SpinningWorker.isWorkerThread() || !WORKERS_IN_USE.compareAndSet(false, true)) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        try {
            for (int c = 1; c < chunks; c++) {
                int start = (int) ((long) n * c / chunks);
                int end = (int) ((long) n * (c + 1) / chunks);
                WORKERS[c - 1].submit(() -> body.run(start, end));
            }
            Throwable failure = null;
            try {
                body.run(0, (int) ((long) n / chunks));
            } catch (Throwable t) {
                failure = t;
            }
            for (int c = 1; c < chunks; c++) {
                Throwable t = WORKERS[c - 1].await();
                if (failure == null) {
                    failure = t;
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            WORKERS_IN_USE.set(false);
        }
    }
}
