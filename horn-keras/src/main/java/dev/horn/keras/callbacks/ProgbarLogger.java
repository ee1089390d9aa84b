package dev.horn.keras.callbacks;

import java.util.Map;

/** PLACEHOLDER until the progress bar lands. */
public final class ProgbarLogger extends Callback {
    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        System.out.println("Epoch " + (epoch + 1) + "/" + params().get("epochs"));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        System.out.println(logs);
    }
}
