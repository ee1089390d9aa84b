package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyRmsProp;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * RMSprop, as Keras' {@code RMSprop} (learning_rate=0.001, rho=0.9, momentum=0.0,
 * epsilon=1e-7, centered=False):
 * <pre>
 * velocity = rho * velocity + (1 - rho) * g^2
 * average_gradient = rho * average_gradient + (1 - rho) * g             (centered)
 * increment = lr * g / tf.sqrt(velocity [- average_gradient^2] + epsilon)
 * momentum = momentum_coef * momentum + increment;  w -= momentum       (momentum > 0)
 * w -= increment                                                        (otherwise)
 * </pre>
 */
public final class RMSprop extends FluentOptimizer<RMSprop> {
    private double rho = 0.9;
    private double momentum = 0.0;
    private double epsilon = 1e-7;
    private boolean centered = false;

    public RMSprop() {
        super(0.001);
    }

    public double rho() {
        return rho;
    }

    public RMSprop rho(double rho) {
        this.rho = Arguments.decayRate(kind(), "rho", rho);
        return this;
    }

    public double momentum() {
        return momentum;
    }

    public RMSprop momentum(double momentum) {
        this.momentum = Arguments.nonNegative(kind(), "momentum", momentum);
        return this;
    }

    public double epsilon() {
        return epsilon;
    }

    public RMSprop epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return this;
    }

    public boolean centered() {
        return centered;
    }

    public RMSprop centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        DType dt = w.dtype();
        Variable velocitySlot = slotFor(w, "velocity");
        Variable momentumSlot = momentum > 0 ? slotFor(w, "momentum") : null;
        Variable averageSlot = centered ? slotFor(w, "average_gradient") : null;
        if (!centered && momentum == 0) {
            // the common case as one fused pass; the same arithmetic as the composed ops below
            new ApplyRmsProp(w, velocitySlot, rho, epsilon).applyAll(g, lr);
            return;
        }
        Tensor r = Tensor.scalar(dt, rho);
        Tensor oneMinusRho = Tensor.scalar(dt, 1 - rho);
        Tensor velocity = tf.add(tf.mul(r, velocitySlot.read()), tf.mul(oneMinusRho, tf.square(g)));
        velocitySlot.assign(velocity);
        Tensor denominator;
        if (centered) {
            Tensor average = tf.add(tf.mul(r, averageSlot.read()), tf.mul(oneMinusRho, g));
            averageSlot.assign(average);
            denominator = tf.add(tf.sub(velocity, tf.square(average)), Tensor.scalar(dt, epsilon));
        } else {
            denominator = tf.add(velocity, Tensor.scalar(dt, epsilon));
        }
        Tensor increment = tf.div(tf.mul(lr, g), tf.sqrt(denominator));
        if (momentum > 0) {
            Tensor m = tf.add(tf.mul(Tensor.scalar(dt, momentum), momentumSlot.read()), increment);
            momentumSlot.assign(m);
            w.assignSub(m);
        } else {
            w.assignSub(increment);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("centered", centered);
    }
}
