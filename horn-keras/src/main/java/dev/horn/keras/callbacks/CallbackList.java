package dev.horn.keras.callbacks;

import dev.horn.keras.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The callbacks of one {@code fit}/{@code evaluate}/{@code predict} call, notified in order. */
public final class CallbackList extends Callback {
    private final List<Callback> callbacks;

    public CallbackList(List<Callback> callbacks) {
        this.callbacks = new ArrayList<>(callbacks);
    }

    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    private void each(Consumer<Callback> action) {
        for (Callback c : callbacks) {
            action.accept(c);
        }
    }

    @Override
    public void setModel(Model model) {
        super.setModel(model);
        each(c -> c.setModel(model));
    }

    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        each(c -> c.setParams(params));
    }

    @Override public void onTrainBegin(Map<String, Double> logs) { each(c -> c.onTrainBegin(logs)); }
    @Override
    public int startEpoch(int initialEpoch) {
        int start = initialEpoch;
        for (Callback c : callbacks) {
            start = c.startEpoch(start);
        }
        return start;
    }

    @Override public void onTrainEnd(Map<String, Double> logs) { each(c -> c.onTrainEnd(logs)); }
    @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { each(c -> c.onEpochBegin(epoch, logs)); }
    @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { each(c -> c.onEpochEnd(epoch, logs)); }
    @Override public void onTrainBatchBegin(int batch, Map<String, Double> logs) { each(c -> c.onTrainBatchBegin(batch, logs)); }
    @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { each(c -> c.onTrainBatchEnd(batch, logs)); }
    @Override public void onTestBegin(Map<String, Double> logs) { each(c -> c.onTestBegin(logs)); }
    @Override public void onTestEnd(Map<String, Double> logs) { each(c -> c.onTestEnd(logs)); }
    @Override public void onTestBatchBegin(int batch, Map<String, Double> logs) { each(c -> c.onTestBatchBegin(batch, logs)); }
    @Override public void onTestBatchEnd(int batch, Map<String, Double> logs) { each(c -> c.onTestBatchEnd(batch, logs)); }
    @Override public void onPredictBegin(Map<String, Double> logs) { each(c -> c.onPredictBegin(logs)); }
    @Override public void onPredictEnd(Map<String, Double> logs) { each(c -> c.onPredictEnd(logs)); }
    @Override public void onPredictBatchBegin(int batch, Map<String, Double> logs) { each(c -> c.onPredictBatchBegin(batch, logs)); }
    @Override public void onPredictBatchEnd(int batch, Map<String, Double> logs) { each(c -> c.onPredictBatchEnd(batch, logs)); }
}
