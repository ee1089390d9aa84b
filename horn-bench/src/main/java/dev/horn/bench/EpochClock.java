package dev.horn.bench;

import dev.horn.keras.callbacks.Callback;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times each epoch and the first batch, and how long the JIT compiled during each epoch: on two
 * cores the compiler threads take their time from the training threads, and in the epochs after
 * the first that is the warm-up a per-epoch figure still carries.
 */
final class EpochClock extends Callback {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    final List<Double> seconds = new ArrayList<>();
    /** Compile time summed over the JIT's threads during each epoch, in seconds; empty where the JVM does not report it. */
    final List<Double> jitSeconds = new ArrayList<>();
    long epochStart;
    long firstBatchEnd;
    private long jitAtStart;

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        jitAtStart = jitMillis();
        epochStart = System.nanoTime();
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (firstBatchEnd == 0) {
            firstBatchEnd = System.nanoTime();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        seconds.add((System.nanoTime() - epochStart) / 1e9);
        if (jitAtStart >= 0) {
            jitSeconds.add((jitMillis() - jitAtStart) / 1e3);
        }
    }

    /** Milliseconds the JIT has spent compiling so far, or -1 where the JVM does not say. */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : -1;
    }
}
