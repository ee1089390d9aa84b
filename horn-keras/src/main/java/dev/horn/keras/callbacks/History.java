package dev.horn.keras.callbacks;

import dev.horn.keras.internal.RFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: the logs of every epoch, as Keras' {@code History} callback keeps
 * them and R's {@code keras_training_history} prints and plots them.
 * {@snippet :
 * History history = new History();
 * history.setParams(1, 10, 352);                       // verbose, epochs, steps
 * var logs = new LinkedHashMap<String, Double>();        // the order metrics are shown in
 * logs.put("loss", 0.2928);
 * logs.put("val_loss", 0.1599);
 * history.record(0, logs);                             // at each epoch's end, zero-based
 * System.out.println(history);                         // Final epoch (plot to see history): ...
 * history.plot(Path.of("history.png"));                // or .svg
 * }
 */
public final class History extends Callback {
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    /** For each metric, the epoch each of its values belongs to (a metric may skip epochs, as val_* with validation_freq). */
    private final Map<String, List<Integer>> epochsOf = new LinkedHashMap<>();

    /** The run's parameters in Keras' order: {@code verbose}, {@code epochs}, {@code steps} (null when unknown). */
    public void setParams(int verbose, int epochs, Integer steps) {
        params.clear();
        params.put("verbose", verbose);
        params.put("epochs", epochs);
        params.put("steps", steps);
    }

    /** The parameters {@code fit} hands every callback. */
    @Override
    public void setParams(Map<String, Object> fitParams) {
        super.setParams(fitParams);
        setParams((Integer) fitParams.get("verbose"), (Integer) fitParams.get("epochs"), (Integer) fitParams.get("steps"));
    }

    /** As a callback of {@code fit}: each epoch's logs are recorded when the epoch ends. */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        record(epoch, logs);
    }

    /** Keras' {@code params}: verbose, epochs, steps. */
    @Override
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /**
     * Records the logs of the zero-based {@code epoch} (Keras' {@code on_epoch_end}): each value
     * is appended to its metric's list; metrics keep the order in which they first appear.
     */
    public void record(int epoch, Map<String, ? extends Number> logs) {
        epochs.add(epoch);
        for (var e : logs.entrySet()) {
            metrics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().doubleValue());
            epochsOf.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(epoch);
        }
    }

    /** The zero-based epochs recorded, as Keras' {@code history.epoch}. */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Each metric's values by epoch, in the order the metrics first appeared ({@code loss}, {@code accuracy}, {@code val_loss}, ...). */
    public Map<String, List<Double>> metrics() {
        Map<String, List<Double>> view = new LinkedHashMap<>();
        metrics.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
        return Collections.unmodifiableMap(view);
    }

    /** One metric's values by epoch; an empty list when it was never recorded. */
    public List<Double> metric(String name) {
        return Collections.unmodifiableList(metrics.getOrDefault(name, List.of()));
    }

    /** The epochs at which {@code name} was recorded, zero-based. */
    List<Integer> epochsOf(String name) {
        return epochsOf.getOrDefault(name, List.of());
    }

    /**
     * The last epoch's values as R's {@code print(history)} shows them, names right-aligned,
     * values with 4 significant digits ({@code format(x, digits = 4)}); a metric not recorded at
     * the last epoch shows {@code NA}:
     * <pre>
     * Final epoch (plot to see history):
     *         loss: 0.01011
     *     accuracy: 0.9972
     *     val_loss: 0.09245
     * val_accuracy: 0.9765 </pre>
     * The last line keeps the space R's {@code cat(str, "\n")} writes before the newline, so
     * {@code System.out.println(history)} prints R's lines. {@link #print} adds the empty line
     * R writes first.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Final epoch (plot to see history):");
        if (metrics.isEmpty()) {
            return s.append(' ').toString();
        }
        int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
        Integer last = epochs.isEmpty() ? null : epochs.getLast();
        for (String name : metrics.keySet()) {
            List<Integer> at = epochsOf.get(name);
            String value = at.getLast().equals(last) ? RFormat.prettyNum(metrics.get(name).getLast(), 4) : "NA";
            s.append('\n').append(" ".repeat(width - name.length())).append(name).append(": ").append(value);
        }
        return s.append(' ').toString();
    }

    /** Writes exactly what R's {@code print(history)} writes: an empty line, {@link #toString()}, a newline. */
    public void print(Appendable out) {
        try {
            out.append('\n').append(toString()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("History.print: cannot write", e);
        }
    }

    /** {@link #plot(Path, HistoryPlot.Options)} with R's defaults: every metric, smoothed when there are 10 epochs or more. */
    public void plot(Path file) {
        plot(file, HistoryPlot.Options.defaults());
    }

    /**
     * Plots the metrics as R's {@code plot(history)} does with ggplot2: one panel per metric
     * (loss, then accuracy, ...) stacked with a shared epoch axis, training and validation
     * points in two colours with a loess smooth, to a PNG or SVG file chosen by the extension.
     */
    public void plot(Path file, HistoryPlot.Options options) {
        HistoryPlot.write(this, file, options);
    }
}
