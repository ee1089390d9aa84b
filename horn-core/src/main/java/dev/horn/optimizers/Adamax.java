package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyAdamax;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Adamax, Adam with the infinity norm, as Keras' {@code Adamax} (learning_rate=0.001,
 * beta_1=0.9, beta_2=0.999, epsilon=1e-7):
 * <pre>
 * t = iterations + 1
 * m += (g - m) * (1 - beta_1)
 * u = max(beta_2 * u, |g|)
 * w -= lr * m / ((1 - beta_1^t) * (u + epsilon))
 * </pre>
 * Slots {@code momentum} and {@code norm}.
 */
public final class Adamax extends FluentOptimizer<Adamax> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-7;

    public Adamax() {
        super(0.001);
    }

    public double beta1() {
        return beta1;
    }

    public Adamax beta1(double beta1) {
        this.beta1 = Arguments.decayRate(kind(), "beta_1", beta1);
        return this;
    }

    public double beta2() {
        return beta2;
    }

    public Adamax beta2(double beta2) {
        this.beta2 = Arguments.decayRate(kind(), "beta_2", beta2);
        return this;
    }

    public double epsilon() {
        return epsilon;
    }

    public Adamax epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return this;
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        DType dt = w.dtype();
        Tensor beta1Power = tf.pow(Tensor.scalar(dt, beta1), step(dt, 1));
        Variable mSlot = slotFor(w, "momentum");
        Variable uSlot = slotFor(w, "norm");
        // one fused pass; the same arithmetic as the composed ops of the class comment
        new ApplyAdamax(w, mSlot, uSlot, beta1, beta2, epsilon).applyAll(g, lr, tf.sub(Tensor.scalar(dt, 1), beta1Power));
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
    }
}
