package dev.horn.internal.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoped thread limit: where it applies, where it ends, and that a limit of one keeps work on the caller. */
class ParallelTest {
    @Test
    void withThreadsLimitsOnlyInsideTheBlock() {
        assertThat(Parallel.threads()).isEqualTo(Parallel.THREADS);
        int inside = Parallel.withThreads(1, Parallel::threads);
        assertThat(inside).isEqualTo(1);
        assertThat(Parallel.threads()).isEqualTo(Parallel.THREADS);
    }

    @Test
    void limitsNestAndNeverExceedThePool() {
        Parallel.withThreads(1, () -> {
            assertThat(Parallel.withThreads(Parallel.THREADS + 8, Parallel::threads)).isEqualTo(Parallel.THREADS);
            assertThat(Parallel.threads()).isEqualTo(1);
        });
    }

    @Test
    void oneThreadRunsTheWholeRangeOnTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        Thread caller = Thread.currentThread();
        Parallel.withThreads(1, () -> Parallel.forRange(1_000_000, 1, (s, e) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(s).isZero();
            assertThat(e).isEqualTo(1_000_000);
            calls.incrementAndGet();
        }));
        assertThat(calls).hasValue(1);
    }

    @Test
    void theRangeIsCoveredOnceWhateverTheLimit() {
        for (int threads = 1; threads <= Parallel.THREADS; threads++) {
            int[] hits = new int[10_007];
            Parallel.withThreads(threads, () -> Parallel.forRange(hits.length, 1, (s, e) -> {
                for (int i = s; i < e; i++) {
                    hits[i]++;
                }
            }));
            for (int h : hits) {
                assertThat(h).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingChunkFailsTheCallAndTheWorkersStayUsable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Parallel.THREADS > 1);
        assertThatThrownBy(() -> Parallel.forRange(1000, 1, (s, e) -> {
            if (s > 0) {
                throw new IllegalStateException("chunk " + s);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("chunk ");
        AtomicInteger covered = new AtomicInteger();
        Parallel.forRange(1000, 1, (s, e) -> covered.addAndGet(e - s));
        assertThat(covered).hasValue(1000);
    }

    @Test
    void splitsFromSeveralThreadsAndNestedSplitsAllComplete() throws Exception {
        int[] hits = new int[4 * 100_000];
        Runnable fill = () -> {
            for (int rep = 0; rep < 200; rep++) {
                Parallel.forRange(hits.length / 4, 1, (s, e) -> Parallel.forRange(e - s, 1, (s2, e2) -> { }));
            }
        };
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(fill);
            threads[i].start();
        }
        fill.run();
        for (Thread t : threads) {
            t.join(60_000);
            assertThat(t.isAlive()).isFalse();
        }
        Parallel.forRange(hits.length, 1, (s, e) -> {
            for (int i = s; i < e; i++) {
                hits[i]++;
            }
        });
        for (int h : hits) {
            assertThat(h).isEqualTo(1);
        }
    }

    @Test
    void piecesCoverTheRangeOnceAtTheirFixedBoundariesWhateverTheLimit() {
        for (int threads = 1; threads <= Parallel.THREADS; threads++) {
            int[] hits = new int[10_007];
            java.util.Set<String> ranges = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Parallel.withThreads(threads, () -> Parallel.forPieces(hits.length, 7, (s, e) -> {
                ranges.add(s + ".." + e);
                for (int i = s; i < e; i++) {
                    hits[i]++;
                }
            }));
            for (int h : hits) {
                assertThat(h).isEqualTo(1);
            }
            // boundaries depend on n and the piece count only: grains of ceil(10007 / 7) = 1430
            assertThat(ranges).containsExactlyInAnyOrder("0..1430", "1430..2860", "2860..4290", "4290..5720",
                    "5720..7150", "7150..8580", "8580..10007");
        }
    }

    @Test
    void eachThreadSetsUpOnceForTheGrainsItTakes() {
        for (int threads = 1; threads <= Parallel.THREADS; threads++) {
            AtomicInteger setups = new AtomicInteger();
            AtomicInteger covered = new AtomicInteger();
            java.util.Set<Thread> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Parallel.withThreads(threads, () -> Parallel.forGrains(1000, 7, () -> {
                setups.incrementAndGet();
                ran.add(Thread.currentThread());
                return (s, e) -> {
                    assertThat(s % 7).isZero();
                    assertThat(e).isEqualTo(Math.min(1000, s + 7));
                    covered.addAndGet(e - s);
                };
            }));
            assertThat(covered).hasValue(1000);
            assertThat(setups.get()).isEqualTo(ran.size()).isBetween(1, threads);
        }
        Parallel.forGrains(0, 5, () -> {
            throw new AssertionError("no grains, no setup");
        });
    }

    @Test
    void aSlowPieceLetsTheOtherThreadTakeTheRest() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Parallel.THREADS > 1);
        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger();
        Parallel.forPieces(8, 8, (s, e) -> {
            if (Thread.currentThread() == caller) {
                onCaller.incrementAndGet();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000); // a worker held up
            }
        });
        // the caller claims pieces for as long as any are left, so it ran all but the one (or few) the worker took
        assertThat(onCaller.get()).isBetween(8 - Parallel.THREADS + 1, 8);
    }

    @Test
    void aFailingPieceFailsTheCallAndStopsTheOthers() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.withThreads(1, () -> Parallel.forPieces(100, 100, (s, e) -> {
            ran.incrementAndGet();
            if (s == 3) {
                throw new IllegalStateException("piece " + s);
            }
        }))).isInstanceOf(IllegalStateException.class).hasMessage("piece 3");
        assertThat(ran).hasValue(4);
        if (Parallel.THREADS > 1) {
            AtomicInteger after = new AtomicInteger();
            assertThatThrownBy(() -> Parallel.forPieces(1000, 50, (s, e) -> {
                after.incrementAndGet();
                throw new IllegalArgumentException("bad piece");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad piece");
            assertThat(after.get()).isLessThanOrEqualTo(Parallel.THREADS);
            AtomicInteger covered = new AtomicInteger();
            Parallel.forRangeBalanced(1000, 10, (s, e) -> covered.addAndGet(e - s));
            assertThat(covered).hasValue(1000);
        }
    }

    @Test
    void zeroThreadsIsAnError() {
        assertThatThrownBy(() -> Parallel.withThreads(0, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be >= 1");
    }
}
