package dev.horn.runs.internal;

import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import dev.horn.keras.training.RunRecorder;
import dev.horn.runs.RunDir;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what one {@code fit} does into the run directory: the training properties when it
 * begins, and {@code metrics.json} after every epoch (one array per metric, as long as the
 * epochs asked for, null where an epoch has not run yet), so a run still going can be watched.
 */
final class RunMetricsCallback extends Callback {
    private final RunDir run;
    private final RunRecorder.Fit fit;
    private final Map<String, Double[]> history = new LinkedHashMap<>();
    private int completed;

    RunMetricsCallback(RunDir run, RunRecorder.Fit fit) {
        this.run = run;
        this.fit = fit;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        Model model = fit.model();
        run.writeProperty("model", model.summaryString(dev.horn.keras.models.Summary.DEFAULT_LINE_LENGTH));
        run.writeProperty("loss_function", model.loss().name());
        run.writeProperty("optimizer", optimizerName(model));
        run.writeProperty("learning_rate", model.optimizer().learningRate());
        run.writeProperty("samples", fit.samples());
        run.writeProperty("validation_samples", fit.validationSamples());
        run.writeProperty("batch_size", fit.batchSize());
        run.writeProperty("epochs", fit.epochs());
        run.writeProperty("epochs_completed", 0);
        List<String> names = new ArrayList<>();
        names.add("loss");
        for (Metric m : model.metrics()) {
            names.add(m.name());
        }
        run.writeProperty("metrics", String.join(",", names));
        for (String name : names) {
            history.put(name, new Double[fit.epochs()]);
        }
        if (fit.validationSamples() > 0) {
            for (String name : names) {
                history.put("val_" + name, new Double[fit.epochs()]);
            }
        }
        write();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.forEach((name, value) -> history.computeIfAbsent(name, k -> new Double[fit.epochs()])[epoch] =
                Double.isFinite(value) ? value : null);
        completed = epoch + 1;
        write();
        run.writeProperty("epochs_completed", completed);
    }

    private void write() {
        Map<String, List<Double>> json = new LinkedHashMap<>();
        history.forEach((name, values) -> json.put(name, Arrays.asList(values)));
        RunFiles.writeJson(run.metricsFile(), json);
    }

    /** Keras' class name of the optimizer (RMSprop, Adam, SGD), as tfruns shows it. */
    private static String optimizerName(Model model) {
        return model.optimizer().getClass().getSimpleName();
    }
}
