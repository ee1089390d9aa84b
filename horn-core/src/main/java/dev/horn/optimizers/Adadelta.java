package dev.horn.optimizers;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyAdadelta;
import java.util.Map;

/**
 * Adadelta, as Keras' {@code Adadelta} (learning_rate=0.001, rho=0.95, epsilon=1e-7), with
 * {@code rms(x) = tf.sqrt(x + epsilon)}:
 * <pre>
 * accumulated_grad = rho * accumulated_grad + (1 - rho) * g^2
 * delta = -rms(accumulated_delta_var) * g / rms(accumulated_grad)
 * accumulated_delta_var = rho * accumulated_delta_var + (1 - rho) * delta^2
 * w += lr * delta
 * </pre>
 */
public final class Adadelta extends FluentOptimizer<Adadelta> {
    private double rho = 0.95;
    private double epsilon = 1e-7;

    public Adadelta() {
        super(0.001);
    }

    public double rho() {
        return rho;
    }

    public Adadelta rho(double rho) {
        this.rho = Arguments.decayRate(kind(), "rho", rho);
        return this;
    }

    public double epsilon() {
        return epsilon;
    }

    public Adadelta epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return this;
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        Variable gradSlot = slotFor(w, "accumulated_grad");
        Variable deltaSlot = slotFor(w, "accumulated_delta_var");
        // one fused pass; the same arithmetic as the composed ops of the class comment
        new ApplyAdadelta(w, gradSlot, deltaSlot, rho, epsilon).applyAll(g, lr);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("epsilon", epsilon);
    }
}
