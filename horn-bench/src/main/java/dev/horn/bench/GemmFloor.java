package dev.horn.bench;

import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.keras.callbacks.Callback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The GEMM-bound floor of the seed MLP: one epoch of the train step's products through Horn's
 * default matmul, forward x·W1 and h·W2, backward dH = dY·W2ᵀ, dW2 = hᵀ·dY, dW1 = xᵀ·dH (the
 * input gradient is never needed), for 468 full batches of 128 and the last one of 96
 * (validation-free, 60,000 samples).
 *
 * <p>As a callback it times one floor epoch after each of Horn's epochs, outside the epoch's
 * own clock (which stops at {@code onEpochEnd} and restarts at the next {@code onEpochBegin}), so
 * each of Horn's epochs has a floor measured seconds from it: on a shared machine whose speed
 * drifts by tens of percent over a minute, a floor measured once after all epochs made the
 * ratio wander with the drift rather than with Horn.
 */
final class GemmFloor extends Callback {
    static final int BATCH = 128;
    private static final int SAMPLES = 60000;

    private final int[] batches;
    private final float[] x = filled(BATCH * 784);
    private final float[] w1 = filled(784 * 512);
    private final float[] h = filled(BATCH * 512);
    private final float[] w2 = filled(512 * 10);
    private final float[] dy = filled(BATCH * 10);
    private final float[] out = new float[784 * 512];
    /** One floor epoch after each epoch of the model being trained, in seconds. */
    final List<Double> afterEpoch = new ArrayList<>();

    GemmFloor() {
        int full = SAMPLES / BATCH;
        batches = new int[full + (SAMPLES % BATCH == 0 ? 0 : 1)];
        Arrays.fill(batches, BATCH);
        if (SAMPLES % BATCH != 0) {
            batches[full] = SAMPLES % BATCH;
        }
    }

    /** Times one epoch of the products. */
    double epochSeconds() {
        long s = System.nanoTime();
        for (int m : batches) {
            DefaultGemm.sgemm(false, false, m, 512, 784, x, 0, 784, w1, 0, 512, out, 0, 512, false);
            DefaultGemm.sgemm(false, false, m, 10, 512, h, 0, 512, w2, 0, 10, out, 0, 10, false);
            DefaultGemm.sgemm(false, true, m, 512, 10, dy, 0, 10, w2, 0, 10, out, 0, 512, false);
            DefaultGemm.sgemm(true, false, 512, 10, m, h, 0, 512, dy, 0, 10, out, 0, 10, false);
            DefaultGemm.sgemm(true, false, 784, 512, m, x, 0, 784, h, 0, 512, out, 0, 512, false);
        }
        return (System.nanoTime() - s) / 1e9;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        afterEpoch.add(epochSeconds());
    }

    /**
     * The median over epochs after the first of each epoch's time over the floor measured right
     * after it; NaN when there is only one epoch.
     */
    static double pairedRatio(List<Double> epochs, List<Double> floors) {
        if (epochs.size() != floors.size()) {
            throw new IllegalArgumentException(epochs.size() + " epochs but " + floors.size() + " floor samples");
        }
        double[] ratios = new double[Math.max(0, epochs.size() - 1)];
        for (int i = 1; i < epochs.size(); i++) {
            ratios[i - 1] = epochs.get(i) / floors.get(i);
        }
        return ratios.length == 0 ? Double.NaN : Timing.median(ratios);
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i % 17) * 0.01f - 0.08f;
        }
        return a;
    }
}
