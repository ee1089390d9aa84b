package dev.horn.optimizers;

import dev.horn.Variable;
import java.util.List;

/**
 * Gives the shared setters of {@link Optimizer} the concrete optimizer's type, so that
 * {@code new Adam().learningRate(0.01).beta1(0.8)} chains.
 */
abstract class FluentOptimizer<S extends FluentOptimizer<S>> extends Optimizer {
    FluentOptimizer(double learningRate) {
        super(learningRate);
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    @Override
    public S learningRate(double learningRate) {
        super.learningRate(learningRate);
        return self();
    }

    @Override
    public S learningRate(LearningRateSchedule schedule) {
        super.learningRate(schedule);
        return self();
    }

    @Override
    public S name(String name) {
        super.name(name);
        return self();
    }

    @Override
    public S weightDecay(Double weightDecay) {
        super.weightDecay(weightDecay);
        return self();
    }

    @Override
    public S excludeFromWeightDecay(List<Variable> vars, List<String> names) {
        super.excludeFromWeightDecay(vars, names);
        return self();
    }

    @Override
    public S clipnorm(Double clipnorm) {
        super.clipnorm(clipnorm);
        return self();
    }

    @Override
    public S clipvalue(Double clipvalue) {
        super.clipvalue(clipvalue);
        return self();
    }

    @Override
    public S globalClipnorm(Double globalClipnorm) {
        super.globalClipnorm(globalClipnorm);
        return self();
    }
}
