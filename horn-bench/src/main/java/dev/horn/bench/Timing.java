package dev.horn.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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

    /**
     * Seconds per call, the median of {@code samples} samples, for tasks from microseconds to
     * seconds long: {@link #warmUp} first, then each sample is {@link #sample}.
     */
    public static double medianSeconds(Runnable task, int samples, double minSampleSeconds, double warmupSeconds) {
        int inner = warmUp(task, warmupSeconds, minSampleSeconds);
        double[] s = new double[Math.max(1, samples)];
        for (int i = 0; i < s.length; i++) {
            s[i] = sample(task, inner);
        }
        return median(s);
    }

    /**
     * Median seconds per call of each task, with the samples taken in turns (one sample of each,
     * then the next round), so a change in the machine's load hits all of them alike and their
     * ratios stay fair on a shared machine. {@code after} runs after each sample of a task.
     */
    public static Map<String, Double> interleavedMedians(Map<String, Runnable> tasks, int samples, double minSampleSeconds,
                                                         double warmupSeconds, Consumer<String> after) {
        Map<String, Integer> inner = new LinkedHashMap<>();
        tasks.forEach((name, task) -> {
            inner.put(name, warmUp(task, warmupSeconds, minSampleSeconds));
            after.accept(name);
        });
        Map<String, double[]> times = new LinkedHashMap<>();
        tasks.keySet().forEach(name -> times.put(name, new double[Math.max(1, samples)]));
        for (int s = 0; s < Math.max(1, samples); s++) {
            for (Map.Entry<String, Runnable> t : tasks.entrySet()) {
                times.get(t.getKey())[s] = sample(t.getValue(), inner.get(t.getKey()));
                after.accept(t.getKey());
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((name, t) -> medians.put(name, median(t)));
        return medians;
    }

    /**
     * Runs the task for at least {@code warmupSeconds} (and twice), so the JIT has compiled its
     * hot loops, and returns how many back-to-back calls make a sample of at least
     * {@code minSampleSeconds}, so the clock's resolution and the loop's cost vanish.
     */
    public static int warmUp(Runnable task, double warmupSeconds, double minSampleSeconds) {
        long start = System.nanoTime();
        long last = 1;
        for (int calls = 0; calls < 2 || System.nanoTime() - start < warmupSeconds * 1e9; calls++) {
            long t0 = System.nanoTime();
            task.run();
            last = Math.max(1, System.nanoTime() - t0);
        }
        return (int) Math.max(1, Math.min(1_000_000, Math.ceil(minSampleSeconds * 1e9 / last)));
    }

    /** Seconds per call over {@code inner} back-to-back calls. */
    public static double sample(Runnable task, int inner) {
        long t0 = System.nanoTime();
        for (int j = 0; j < inner; j++) {
            task.run();
        }
        return (System.nanoTime() - t0) / 1e9 / inner;
    }

    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
