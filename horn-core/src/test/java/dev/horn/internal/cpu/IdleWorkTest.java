package dev.horn.internal.cpu;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Work left to idle kernel workers: each grain once, joined by the caller, failures and cancels. */
class IdleWorkTest {
    /** Spins about {@code micros}: a grain that takes time, so that both threads get some. */
    private static void busy(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void everyGrainRunsOnceAndJoinWaitsForAll() {
        AtomicIntegerArray runs = new AtomicIntegerArray(200);
        IdleWork work = IdleWork.start(runs.length(), g -> {
            busy(20);
            runs.incrementAndGet(g);
        });
        work.join();
        for (int g = 0; g < runs.length(); g++) {
            assertThat(runs.get(g)).as("grain %d", g).isEqualTo(1);
        }
    }

    @Test
    void anIdleWorkerTakesGrainsBeforeTheJoin() throws InterruptedException {
        assumeTrue(Parallel.THREADS > 1, "needs a kernel worker");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        IdleWork work = IdleWork.start(50, g -> {
            threads.add(Thread.currentThread().getName());
            done.incrementAndGet();
        });
        for (int i = 0; i < 2000 && done.get() < 50; i++) {
            Thread.sleep(1); // the worker, not the caller, has the grains
        }
        work.join();
        assertThat(done).hasValue(50);
        assertThat(threads).allMatch(n -> n.startsWith("horn-cpu-"));
    }

    @Test
    void theFirstFailureReachesTheJoinAndLaterGrainsAreSkipped() {
        AtomicInteger ran = new AtomicInteger();
        IdleWork work = IdleWork.start(100, g -> {
            if (g == 3) {
                throw new IllegalStateException("grain 3 failed");
            }
            ran.incrementAndGet();
        });
        assertThatThrownBy(work::join).isInstanceOf(IllegalStateException.class).hasMessage("grain 3 failed");
        assertThat(ran.get()).isLessThan(99);
        // the failed work is taken down: new work runs
        AtomicInteger next = new AtomicInteger();
        IdleWork.start(10, g -> next.incrementAndGet()).join();
        assertThat(next).hasValue(10);
    }

    @Test
    void cancelStartsNoMoreGrainsAndReturnsWhenNoneIsRunning() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        IdleWork work = IdleWork.start(10_000, g -> {
            running.incrementAndGet();
            busy(50);
            ran.incrementAndGet();
            running.decrementAndGet();
        });
        busy(500);
        work.cancel();
        int after = ran.get();
        assertThat(running).hasValue(0);
        assertThat(after).isLessThan(10_000);
        busy(2000);
        assertThat(ran).hasValue(after);
    }

    @Test
    void workStartedWhileAnotherIsPostedRunsAtItsJoin() {
        Thread caller = Thread.currentThread();
        AtomicInteger first = new AtomicInteger();
        IdleWork posted = IdleWork.start(1000, g -> {
            busy(10); // 10 ms in all: still posted when the second work starts
            first.incrementAndGet();
        });
        assertThat(IdleWork.posted()).isIn(posted, null); // null with one thread: nothing is posted
        AtomicInteger onCaller = new AtomicInteger();
        IdleWork waiting = IdleWork.start(20, g -> onCaller.addAndGet(Thread.currentThread() == caller ? 1 : 0));
        assertThat(IdleWork.posted()).isNotSameAs(waiting);
        waiting.join();
        assertThat(onCaller).hasValue(20);
        posted.join();
        assertThat(first).hasValue(1000);
    }

    @Test
    void underAOneThreadLimitEveryGrainRunsOnTheCaller() throws InterruptedException {
        Thread caller = Thread.currentThread();
        AtomicInteger onCaller = new AtomicInteger();
        IdleWork work = Parallel.withThreads(1, () -> IdleWork.start(30, g -> onCaller.addAndGet(Thread.currentThread() == caller ? 1 : 0)));
        Thread.sleep(20); // a worker that wrongly took the grains would have done so by now
        work.join();
        assertThat(onCaller).hasValue(30);
    }

    @Test
    void kernelsSplitWhileIdleWorkIsPostedStillCoverTheirRange() {
        AtomicInteger idle = new AtomicInteger();
        IdleWork work = IdleWork.start(500, g -> {
            busy(5);
            idle.incrementAndGet();
        });
        for (int round = 0; round < 50; round++) {
            int[] hits = new int[100_003];
            Parallel.forRange(hits.length, 1, (s, e) -> {
                for (int i = s; i < e; i++) {
                    hits[i]++;
                }
            });
            for (int h : hits) {
                assertThat(h).isEqualTo(1);
            }
        }
        work.join();
        assertThat(idle).hasValue(500);
    }
}
