package dev.horn.keras.callbacks;

import java.util.Map;

/** Keras' {@code TerminateOnNaN}: stops training quietly as soon as a batch's loss is NaN or infinite. */
public final class TerminateOnNaN extends Callback {
    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && (loss.isNaN() || loss.isInfinite())) {
            System.out.println("Batch " + batch + ": Invalid loss, terminating training");
            model().setStopTraining(true);
        }
    }
}
