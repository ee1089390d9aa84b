package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import dev.horn.optimizers.Optimizer;
import java.util.List;

/**
 * What {@code compile} fixes: the optimizer, the loss and the metrics, and the three programs
 * built from them. Each is a traced {@link Function}, so a whole train step (forward, loss with
 * regularization, gradients, optimizer update, constraints, metric updates) runs as one
 * compiled graph, traced once per batch shape (the full batches and the last, shorter one).
 */
public final class CompiledModel {
    final Model model;
    final Optimizer optimizer;
    final Loss loss;
    final List<Metric> metrics;
    final Function trainStep;
    final Function testStep;
    final Function predictStep;

    public CompiledModel(Model model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.copyOf(metrics);
        this.trainStep = Function.ofMany(this::trainStep);
        this.testStep = Function.ofMany(this::testStep);
        this.predictStep = Function.of(in -> model.apply(in[0], false));
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Loss loss() {
        return loss;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** in = x, y[, sample weights]; returns the batch's total loss (regularization included, as Keras reports it). */
    private Tensor[] trainStep(Tensor[] in) {
        Tensor x = in[0];
        Tensor y = in[1];
        Tensor sampleWeight = in.length > 2 ? in[2] : null;
        List<Variable> vars = model.trainableVariables();
        Tensor yPred;
        Tensor total;
        GradientTape tape = new GradientTape();
        try (tape) {
            yPred = model.apply(x, true);
            total = withRegularization(loss.call(y, yPred, sampleWeight));
        }
        if (!vars.isEmpty()) {
            optimizer.applyGradients(tape.gradient(total, vars), vars);
            model.applyConstraints();
        }
        for (Metric m : metrics) {
            m.updateState(y, yPred, null);
        }
        return new Tensor[] {total};
    }

    private Tensor[] testStep(Tensor[] in) {
        Tensor y = in[1];
        Tensor yPred = model.apply(in[0], false);
        Tensor total = withRegularization(loss.call(y, yPred, in.length > 2 ? in[2] : null));
        for (Metric m : metrics) {
            m.updateState(y, yPred, null);
        }
        return new Tensor[] {total};
    }

    private Tensor withRegularization(Tensor lossValue) {
        Tensor total = lossValue;
        for (Tensor penalty : model.regularizationLosses()) {
            total = total.add(dev.horn.Tf.tf.cast(penalty, total.dtype()));
        }
        return total;
    }
}
