package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import dev.horn.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code compile} fixes: the optimizer, a loss (and its weight) and metrics for each
 * output, and the three programs built from them. Each is a traced {@link Function}, so a whole
 * train step (forward, the weighted sum of the output losses with regularization, gradients,
 * optimizer update, constraints, metric updates) runs as one compiled graph, traced once per
 * batch shape (the full batches and the last, shorter one).
 *
 * <p>Step arguments are the model's inputs, then its targets, then (optionally) the sample
 * weights, which apply to every output. A step returns the total loss and, for a model of
 * several outputs, each output's unweighted loss (Keras logs them as {@code main_output_loss}).
 */
public final class CompiledModel {
    final Model model;
    final Optimizer optimizer;
    final List<Loss> losses;
    final double[] lossWeights;
    final List<OutputMetric> metrics;
    final int inputCount;
    final Function trainStep;
    final Function testStep;
    final Function predictStep;

    /** A metric of one output, with the name it is logged under ({@code aux_output_accuracy}). */
    record OutputMetric(String logName, Metric metric, int output) {}

    /** A model of one output. */
    public CompiledModel(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this(model, optimizer, loss == null ? null : List.of(loss), null, List.of(metrics));
    }

    /**
     * @param losses one per output (null for a model compiled only to predict)
     * @param lossWeights one per output, or null for all 1
     * @param metrics a list of metrics for each output
     */
    public CompiledModel(Model model, Optimizer optimizer, List<Loss> losses, List<Double> lossWeights,
                         List<List<Metric>> metrics) {
        this.model = model;
        this.optimizer = optimizer;
        this.losses = losses == null ? null : List.copyOf(losses);
        this.inputCount = model.inputNames().size();
        List<String> outputNames = model.outputNames();
        this.lossWeights = new double[outputNames.size()];
        Arrays.fill(this.lossWeights, 1.0);
        if (lossWeights != null) {
            for (int i = 0; i < lossWeights.size(); i++) {
                this.lossWeights[i] = lossWeights.get(i);
            }
        }
        List<OutputMetric> ms = new ArrayList<>();
        for (int o = 0; o < metrics.size(); o++) {
            for (Metric m : metrics.get(o)) {
                ms.add(new OutputMetric(outputNames.size() > 1 ? outputNames.get(o) + "_" + m.name() : m.name(), m, o));
            }
        }
        this.metrics = List.copyOf(ms);
        this.trainStep = Function.ofMany(this::trainStep);
        this.testStep = Function.ofMany(this::testStep);
        this.predictStep = Function.ofMany(in -> model.applyMany(List.of(in), false, null).toArray(Tensor[]::new));
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss of the first (or only) output. */
    public Loss loss() {
        return losses == null ? null : losses.getFirst();
    }

    public List<Loss> losses() {
        return losses;
    }

    public List<Metric> metrics() {
        return metrics.stream().map(OutputMetric::metric).toList();
    }

    /** Each output's weight in the total loss, in output order (1 unless compile gave one). */
    public List<Double> lossWeights() {
        return Arrays.stream(lossWeights).boxed().toList();
    }

    /** Each output's metrics, in output order. */
    public List<List<Metric>> metricsPerOutput() {
        List<List<Metric>> out = new ArrayList<>();
        for (int o = 0; o < lossWeights.length; o++) {
            int output = o;
            out.add(metrics.stream().filter(m -> m.output() == output).map(OutputMetric::metric).toList());
        }
        return out;
    }

    /** The names of the step's outputs and metrics as logged: {@code loss}, per-output losses, then the metrics. */
    List<String> logNames() {
        List<String> names = new ArrayList<>();
        names.add("loss");
        List<String> outputs = model.outputNames();
        if (outputs.size() > 1) {
            for (String o : outputs) {
                names.add(o + "_loss");
            }
        }
        for (OutputMetric m : metrics) {
            names.add(m.logName());
        }
        return names;
    }

    private Tensor[] trainStep(Tensor[] in) {
        List<Variable> vars = model.trainableVariables();
        List<Tensor> yPred;
        Tensor[] lossValues;
        GradientTape tape = new GradientTape();
        try (tape) {
            yPred = model.applyMany(Arrays.asList(in).subList(0, inputCount), true, null);
            lossValues = lossValues(in, yPred);
        }
        if (!vars.isEmpty()) {
            optimizer.applyGradients(tape.gradient(lossValues[0], vars), vars);
            model.applyConstraints();
        }
        updateMetrics(in, yPred);
        return lossValues;
    }

    private Tensor[] testStep(Tensor[] in) {
        List<Tensor> yPred = model.applyMany(Arrays.asList(in).subList(0, inputCount), false, null);
        Tensor[] lossValues = lossValues(in, yPred);
        updateMetrics(in, yPred);
        return lossValues;
    }

    /** [total, then each output's unweighted loss when there are several]; the total includes regularization. */
    private Tensor[] lossValues(Tensor[] in, List<Tensor> yPred) {
        int outputs = yPred.size();
        Tensor sampleWeight = in.length > inputCount + outputs ? in[inputCount + outputs] : null;
        Tensor[] out = new Tensor[outputs == 1 ? 1 : outputs + 1];
        Tensor total = null;
        for (int o = 0; o < outputs; o++) {
            Tensor value = losses.get(o).call(in[inputCount + o], yPred.get(o), sampleWeight);
            if (outputs > 1) {
                out[o + 1] = value;
            }
            Tensor weighted = lossWeights[o] == 1.0 ? value : value.mul(lossWeights[o]);
            total = total == null ? weighted : total.add(weighted);
        }
        for (Tensor penalty : model.regularizationLosses()) {
            total = total.add(dev.horn.Tf.tf.cast(penalty, total.dtype()));
        }
        out[0] = total;
        return out;
    }

    private void updateMetrics(Tensor[] in, List<Tensor> yPred) {
        for (OutputMetric m : metrics) {
            m.metric().updateState(in[inputCount + m.output()], yPred.get(m.output()), null);
        }
    }
}
