package dev.horn.bench;

import java.util.Arrays;

/** Wall-clock timing with warm-up: the median of repeated runs, robust to a noisy machine. */
public final class Timing {
    private Timing() {}

    /** Runs the task {@code repetitions / 3 + 2} times to warm up, then reports the median of {@code repetitions} runs in ms. */
    public static double medianMillis(int repetitions, Runnable task) {
        for (int i = 0; i < repetitions / 3 + 2; i++) {
            task.run();
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repetitions / 2];
    }
}
