package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyAdam;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Adam's update, shared by {@link Adam} and {@link AdamW} (which differ only in weight decay),
 * as in Keras:
 * <pre>
 * t = iterations + 1
 * alpha = lr * tf.sqrt(1 - beta_2^t) / (1 - beta_1^t)
 * m += (g - m) * (1 - beta_1)
 * v += (g^2 - v) * (1 - beta_2)
 * v_hat = max(v_hat, v)                       (amsgrad; then v_hat replaces v below)
 * w -= m * alpha / (tf.sqrt(v) + epsilon)
 * </pre>
 */
abstract class AdamRule<S extends AdamRule<S>> extends FluentOptimizer<S> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-7;
    private boolean amsgrad = false;

    AdamRule(double learningRate) {
        super(learningRate);
    }

    public double beta1() {
        return beta1;
    }

    /** Keras' beta_1: decay of the first moment, in [0, 1). */
    public S beta1(double beta1) {
        this.beta1 = Arguments.decayRate(kind(), "beta_1", beta1);
        return self();
    }

    public double beta2() {
        return beta2;
    }

    /** Keras' beta_2: decay of the second moment, in [0, 1). */
    public S beta2(double beta2) {
        this.beta2 = Arguments.decayRate(kind(), "beta_2", beta2);
        return self();
    }

    public double epsilon() {
        return epsilon;
    }

    public S epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return self();
    }

    public boolean amsgrad() {
        return amsgrad;
    }

    public S amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return self();
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        DType dt = w.dtype();
        Tensor t = step(dt, 1);
        Tensor one = Tensor.scalar(dt, 1);
        Tensor beta1Power = tf.pow(Tensor.scalar(dt, beta1), t);
        Tensor beta2Power = tf.pow(Tensor.scalar(dt, beta2), t);
        Variable mSlot = slotFor(w, "momentum");
        Variable vSlot = slotFor(w, "velocity");
        Tensor alpha = tf.div(tf.mul(lr, tf.sqrt(tf.sub(one, beta2Power))), tf.sub(one, beta1Power));
        Variable vHatSlot = amsgrad ? slotFor(w, "velocity_hat") : null;
        // one fused pass; the same arithmetic as the composed ops of the class comment
        new ApplyAdam(w, mSlot, vSlot, vHatSlot, beta1, beta2, epsilon).applyAll(g, alpha);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
        config.put("amsgrad", amsgrad);
    }
}
