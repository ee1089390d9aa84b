package dev.horn.keras.callbacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PLACEHOLDER until the history branch lands. */
public class History extends Callback {
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();
    private Map<String, Object> params = Map.of();

    public void setParams(Map<String, Object> p) { params = p; }

    public Map<String, Object> params() { return params; }

    public void record(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        logs.forEach((k, v) -> metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    public Map<String, List<Double>> metrics() { return metrics; }

    public List<Integer> epochs() { return epochs; }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) { record(epoch, logs); }

    @Override
    public String toString() { return "Final epoch (plot to see history):\n" + metrics; }
}
