package dev.horn.keras.training;

import dev.horn.Shape;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.metrics.Metrics;
import dev.horn.keras.models.Model;
import dev.horn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code compile}'s loss, loss weights and metrics, resolved for each output of a model: a loss
 * is one name or object for every output, a list in output order or a map keyed by output
 * names; metrics are names or objects for every output, or a map from output name to its
 * metrics; a {@link LossWeights} among the metrics arguments gives the weights.
 */
public final class CompileArgs {
    private CompileArgs() {}

    public static CompiledModel resolve(Model model, Optimizer optimizer, Object loss, Object... extras) {
        List<String> outputs = model.outputNames();
        List<Shape> shapes = model.outputShapes();
        List<Loss> losses = PerName.resolve(loss, outputs, true, null, "loss").stream().map(Losses::resolve).toList();
        List<Double> weights = null;
        List<List<Metric>> metrics = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            metrics.add(new ArrayList<>());
        }
        for (Object extra : extras) {
            if (extra instanceof LossWeights lw) {
                weights = lw.resolve(outputs);
            } else if (extra instanceof Map<?, ?> perOutput) {
                List<Object> given = PerName.resolve(perOutput, outputs, false, List.of(), "metrics");
                for (int o = 0; o < outputs.size(); o++) {
                    Object ms = given.get(o);
                    for (Object m : ms instanceof List<?> list ? list : List.of(ms)) {
                        metrics.get(o).add(Metrics.resolve(m, losses.get(o), shapes.get(o)));
                    }
                }
            } else {
                for (Object m : extra instanceof List<?> list ? list : List.of(extra)) {
                    if (m instanceof Metric && outputs.size() > 1) {
                        throw new IllegalArgumentException("metric " + m + " is one object with one state; for a model of "
                                + outputs.size() + " outputs " + outputs + " give it in a map keyed by output name, or "
                                + "give a metric name (one metric is made per output)");
                    }
                    for (int o = 0; o < outputs.size(); o++) {
                        metrics.get(o).add(Metrics.resolve(m, losses.get(o), shapes.get(o)));
                    }
                }
            }
        }
        return new CompiledModel(model, optimizer, losses, weights, metrics);
    }
}
