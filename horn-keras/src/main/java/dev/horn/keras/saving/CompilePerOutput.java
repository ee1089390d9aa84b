package dev.horn.keras.saving;

import dev.horn.keras.losses.Loss;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import dev.horn.keras.training.CompiledModel;
import dev.horn.keras.training.LossWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code loss}, {@code loss_weights} and {@code metrics} entries of a compile (or Keras 2
 * training) config. A model of one output has one loss, {@code loss_weights: null} and a list of
 * metrics; a model of several has each keyed by output name, as Keras records a {@code compile}
 * given dicts ({@code loss={"main_output": ..., "aux_output": ...}}). Reading takes either
 * form, and lists in output order too.
 */
final class CompilePerOutput {
    private CompilePerOutput() {}

    static Object losses(Model model, Format format) {
        List<Loss> losses = model.compileSettings().losses();
        if (losses.size() == 1) {
            return KerasObjects.serialize(losses.getFirst(), format);
        }
        return byOutput(model, losses.stream().map(l -> KerasObjects.serialize(l, format)).toList());
    }

    /** Null (Keras' default) when every output weighs 1. */
    static Object lossWeights(Model model) {
        List<Double> weights = model.compileSettings().lossWeights();
        if (weights.stream().allMatch(w -> w == 1.0)) {
            return null;
        }
        return byOutput(model, new ArrayList<>(weights));
    }

    static Object metrics(Model model, Format format) {
        CompiledModel settings = model.compileSettings();
        List<List<Metric>> perOutput = settings.metricsPerOutput();
        List<Object> serialized = perOutput.stream()
                .map(ms -> (Object) ms.stream().map(m -> KerasObjects.serialize(m, format)).toList()).toList();
        if (perOutput.stream().allMatch(List::isEmpty)) {
            return null; // compile was given no metrics; Keras records None
        }
        return perOutput.size() == 1 ? serialized.getFirst() : byOutput(model, serialized);
    }

    private static Map<String, Object> byOutput(Model model, List<Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = model.outputNames();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), values.get(i));
        }
        return out;
    }

    // ---- reading ----

    /** One loss, or (for several outputs) a map keyed by output name or a list in output order. */
    static Object readLoss(Model model, Object saved, String where) {
        if (saved instanceof Map<?, ?> perOutput && !perOutput.containsKey("class_name")) {
            Map<String, Object> out = new LinkedHashMap<>();
            perOutput.forEach((k, v) -> out.put(String.valueOf(k), KerasObjects.loss(v, where + "." + k)));
            return out;
        }
        if (saved instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(KerasObjects.loss(list.get(i), where + "[" + i + "]"));
            }
            return out.size() == 1 && model.outputNames().size() == 1 ? out.getFirst() : out;
        }
        return KerasObjects.loss(saved, where);
    }

    static LossWeights readLossWeights(Model model, Object saved, String where) {
        if (!(saved instanceof List<?> || saved instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a list or an object keyed by output name, got "
                    + PyJson.write(saved));
        }
        return new LossWeights(saved);
    }

    /**
     * The metrics as compile arguments: a list for every output, or one map from output name
     * to that output's metrics (a list of lists, one per output, becomes that map).
     */
    static List<Object> readMetrics(Model model, Object saved, String where) {
        if (saved instanceof Map<?, ?> perOutput) {
            Map<String, Object> out = new LinkedHashMap<>();
            perOutput.forEach((k, v) -> out.put(String.valueOf(k), readList(v, where + "." + k)));
            return List.of(out);
        }
        if (saved instanceof List<?> list && model.outputNames().size() > 1 && !list.isEmpty()
                && list.stream().allMatch(m -> m == null || m instanceof List<?>)) {
            if (list.size() != model.outputNames().size()) {
                throw new IllegalArgumentException(where + ": " + list.size() + " lists of metrics for a model of "
                        + model.outputNames().size() + " outputs " + model.outputNames());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                out.put(model.outputNames().get(i), readList(list.get(i), where + "[" + i + "]"));
            }
            return List.of(out);
        }
        return readList(saved, where);
    }

    private static List<Object> readList(Object saved, String where) {
        List<Object> out = new ArrayList<>();
        if (saved == null) {
            return out;
        }
        for (Object m : saved instanceof List<?> list ? list : List.of(saved)) {
            if (m instanceof List<?> inner) { // Keras 2.12 wraps each output's metrics in a list
                for (Object n : inner) {
                    out.add(metric(n, where));
                }
            } else {
                out.add(metric(m, where));
            }
        }
        return out;
    }

    /** Keras 2 records a metric given by name as a MeanMetricWrapper carrying that name. */
    private static Object metric(Object m, String where) {
        if (m instanceof Map<?, ?> map && "MeanMetricWrapper".equals(map.get("class_name"))
                && map.get("config") instanceof Map<?, ?> c && c.get("name") instanceof String name) {
            return name;
        }
        return KerasObjects.metric(m, where);
    }
}
