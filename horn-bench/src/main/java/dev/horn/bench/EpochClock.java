package dev.horn.bench;

import dev.horn.keras.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Times each epoch and the first batch. */
final class EpochClock extends Callback {
    final List<Double> seconds = new ArrayList<>();
    long epochStart;
    long firstBatchEnd;

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
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
    }
}
