package dev.horn.ops.nn;

import dev.horn.internal.cpu.Parallel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A kernel's range cut into grains that the cores take from one counter as they go, instead of
 * one fixed share each: on a machine where another process holds a core part of the time,
 * fixed halves made every convolution wait for the slowed half; with grains the other core
 * takes over the rest. Which core runs a grain must not change its result: each grain writes
 * its own outputs (or its own partial sum, added later in grain order), so the bits still do
 * not depend on the threads.
 */
final class Grains {
    private Grains() {}

    /**
     * Runs [0, n) in grains of {@code grain}: each core sharing them calls {@code perCore} once
     * (to set up its scratch) and runs the body it returns on each grain it takes.
     */
    static void forRange(int n, int grain, Supplier<Parallel.RangeBody> perCore) {
        int count = (n + grain - 1) / grain;
        AtomicInteger next = new AtomicInteger();
        Parallel.forRange(Math.min(count, Parallel.threads()), 1, (s, e) -> {
            Parallel.RangeBody body = perCore.get();
            for (int g = next.getAndIncrement(); g < count; g = next.getAndIncrement()) {
                body.run(g * grain, Math.min(n, (g + 1) * grain));
            }
        });
    }
}
