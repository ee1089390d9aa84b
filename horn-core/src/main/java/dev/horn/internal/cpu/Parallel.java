package dev.horn.internal.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a loop over [0, n) across Horn's CPU pool, one chunk per core. Work below
 * {@code grain * 2} runs on the caller: a hand-off costs microseconds, which small tensors
 * cannot repay. Chunk boundaries depend only on n and the thread count, so results are
 * deterministic at a fixed thread count.
 */
public final class Parallel {
    /** Threads Horn uses for kernels: the system property {@code horn.threads}, else the core count. */
    public static final int THREADS = Integer.getInteger("horn.threads", Runtime.getRuntime().availableProcessors());

    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;

    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    private Parallel() {}

    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = Math.min(THREADS, n / Math.max(1, grain));
        if (chunks <= 1 || POOL == null || ForkJoinTask.inForkJoinPool()) {
            if (n > 0) {
                body.run(0, n);
            }
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int start = (int) ((long) n * c / chunks);
            int end = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = POOL.submit(() -> body.run(start, end));
        }
        body.run(0, (int) ((long) n / chunks));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
