package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
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
        DType dt = w.dtype();
        if (momentum == 0) {
            w.assignSub(tf.mul(g, lr));
            return;
        }
        Variable mSlot = slotFor(w, "momentum");
        Tensor mom = Tensor.scalar(dt, momentum);
        Tensor m = tf.sub(tf.mul(mSlot.read(), mom), tf.mul(g, lr));
        mSlot.assign(m);
        if (nesterov) {
            w.assignAdd(tf.sub(tf.mul(m, mom), tf.mul(g, lr)));
        } else {
            w.assignAdd(m);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("momentum", momentum);
        config.put("nesterov", nesterov);
    }
}
