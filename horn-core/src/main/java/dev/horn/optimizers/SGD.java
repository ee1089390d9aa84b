package dev.horn.optimizers;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyMomentum;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Gradient descent with optional momentum and Nesterov momentum, as Keras' {@code SGD}
 * (learning_rate=0.01, momentum=0.0, nesterov=False):
 * <pre>
 * m = momentum * m - lr * g
 * w = w + m                          (nesterov: w = w + momentum * m - lr * g)
 * </pre>
 * without momentum simply {@code w = w - lr * g}. The {@code momentum} slot exists only when
 * momentum is not 0.
 */
public final class SGD extends FluentOptimizer<SGD> {
    private double momentum = 0.0;
    private boolean nesterov = false;

    public SGD() {
        super(0.01);
    }

    public double momentum() {
        return momentum;
    }

    public SGD momentum(double momentum) {
        this.momentum = Arguments.unitInterval(kind(), "momentum", momentum);
        return this;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        if (momentum == 0) {
            w.assignSub(tf.mul(g, lr));
            return;
        }
        // one fused pass: m = m * momentum - g * lr; w += m (nesterov: w += m * momentum - g * lr)
        new ApplyMomentum(w, slotFor(w, "momentum"), momentum, nesterov).applyAll(g, lr);
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("momentum", momentum);
        config.put("nesterov", nesterov);
    }
}
