package dev.horn.keras.callbacks;

import dev.horn.keras.models.Model;
import java.util.Map;

/**
 * Keras' {@code Callback}: hooks that {@code fit}, {@code evaluate} and {@code predict} call at the
 * start and end of training, of each epoch and of each batch. {@code logs} hold the metrics so
 * far under Keras' names ({@code loss}, {@code accuracy}, {@code val_loss}, ...); epochs and
 * batches count from 0 as in Keras. Override what you need.
 */
public abstract class Callback {
    private Model model;
    private Map<String, Object> params = Map.of();

    /** The model being trained; set by {@code fit} before {@link #onTrainBegin}. */
    public Model model() {
        return model;
    }

    public void setModel(Model model) {
        this.model = model;
    }

    /** What {@code fit} was asked to do: {@code epochs}, {@code steps}, {@code verbose}. */
    public Map<String, Object> params() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = Map.copyOf(params);
    }

    public void onTrainBegin(Map<String, Double> logs) {}

    /**
     * The epoch {@code fit} starts at, asked right after {@link #onTrainBegin}: {@code initialEpoch}
     * unless a callback restored a later point (BackupAndRestore).
     */
    public int startEpoch(int initialEpoch) {
        return initialEpoch;
    }

    public void onTrainEnd(Map<String, Double> logs) {}

    public void onEpochBegin(int epoch, Map<String, Double> logs) {}

    public void onEpochEnd(int epoch, Map<String, Double> logs) {}

    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}

    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

    public void onTestBegin(Map<String, Double> logs) {}

    public void onTestEnd(Map<String, Double> logs) {}

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {}

    public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

    public void onPredictBegin(Map<String, Double> logs) {}

    public void onPredictEnd(Map<String, Double> logs) {}

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
