package dev.horn.runs.internal;

import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.models.Model;
import dev.horn.keras.training.RunRecorder;
import dev.horn.runs.ActiveRun;
import java.util.List;
import java.util.Map;

/**
 * Keras' side of a tracked run: inside a run, every {@code fit} records its model, loss,
 * optimizer and per-epoch metrics and every {@code evaluate} its results; outside one it does
 * nothing. Found by Keras through {@link java.util.ServiceLoader}.
 */
public final class KerasRunRecorder implements RunRecorder {
    @Override
    public List<Callback> onFit(Fit fit) {
        return ActiveRun.current().<List<Callback>>map(run -> List.of(new RunMetricsCallback(run, fit))).orElse(List.of());
    }

    @Override
    public void onEvaluate(Model model, Map<String, Double> results) {
        ActiveRun.current().ifPresent(run -> RunFiles.writeJson(run.evaluationFile(), results));
    }
}
