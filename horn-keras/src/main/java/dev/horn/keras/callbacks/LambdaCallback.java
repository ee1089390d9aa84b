package dev.horn.keras.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Keras' {@code LambdaCallback}: a callback from functions, for quick custom hooks:
 * {@snippet :
 * var printer = new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(logs.get("loss")));
 * }
 */
public final class LambdaCallback extends Callback {
    private BiConsumer<Integer, Map<String, Double>> onEpochBegin = (e, l) -> {};
    private BiConsumer<Integer, Map<String, Double>> onEpochEnd = (e, l) -> {};
    private BiConsumer<Integer, Map<String, Double>> onBatchBegin = (b, l) -> {};
    private BiConsumer<Integer, Map<String, Double>> onBatchEnd = (b, l) -> {};
    private Consumer<Map<String, Double>> onTrainBegin = l -> {};
    private Consumer<Map<String, Double>> onTrainEnd = l -> {};

    public LambdaCallback onEpochBegin(BiConsumer<Integer, Map<String, Double>> f) { onEpochBegin = f; return this; }
    public LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> f) { onEpochEnd = f; return this; }
    public LambdaCallback onBatchBegin(BiConsumer<Integer, Map<String, Double>> f) { onBatchBegin = f; return this; }
    public LambdaCallback onBatchEnd(BiConsumer<Integer, Map<String, Double>> f) { onBatchEnd = f; return this; }
    public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> f) { onTrainBegin = f; return this; }
    public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> f) { onTrainEnd = f; return this; }

    @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { onEpochBegin.accept(epoch, logs); }
    @Override public void onEpochEnd(int epoch, Map<String, Double> logs) { onEpochEnd.accept(epoch, logs); }
    @Override public void onTrainBatchBegin(int batch, Map<String, Double> logs) { onBatchBegin.accept(batch, logs); }
    @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { onBatchEnd.accept(batch, logs); }
    @Override public void onTrainBegin(Map<String, Double> logs) { onTrainBegin.accept(logs); }
    @Override public void onTrainEnd(Map<String, Double> logs) { onTrainEnd.accept(logs); }
}
