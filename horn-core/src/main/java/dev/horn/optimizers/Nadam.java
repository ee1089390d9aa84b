package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.state.ApplyNadam;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Adam with Nesterov momentum, as Keras' {@code Nadam} (learning_rate=0.001, beta_1=0.9,
 * beta_2=0.999, epsilon=1e-7), with Keras' momentum-cache schedule
 * {@code u_t = beta_1 * (1 - 0.5 * 0.96^t)} and its running product {@code u_product}
 * (a variable of the first updated variable's dtype, advanced once per step):
 * <pre>
 * t = iterations + 1
 * u_product = u_product * beta_1 * (1 - 0.5 * 0.96^t)          (once per step, first)
 * m += (g - m) * (1 - beta_1);  v += (g^2 - v) * (1 - beta_2)
 * m_hat = u_{t+1} * m / (1 - u_product * u_{t+1}) + (1 - u_t) * g / (1 - u_product)
 * v_hat = v / (1 - beta_2^t)
 * w -= m_hat * lr / (tf.sqrt(v_hat) + epsilon)
 * </pre>
 */
public final class Nadam extends FluentOptimizer<Nadam> {
    private static final double DECAY = 0.96;

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-7;
    private Variable uProductVariable;
    private Tensor uProduct; // this step's advanced product, shared by the variables' updates

    public Nadam() {
        super(0.001);
    }

    public double beta1() {
        return beta1;
    }

    public Nadam beta1(double beta1) {
        this.beta1 = Arguments.decayRate(kind(), "beta_1", beta1);
        return this;
    }

    public double beta2() {
        return beta2;
    }

    public Nadam beta2(double beta2) {
        this.beta2 = Arguments.decayRate(kind(), "beta_2", beta2);
        return this;
    }

    public double epsilon() {
        return epsilon;
    }

    public Nadam epsilon(double epsilon) {
        this.epsilon = Arguments.nonNegative(kind(), "epsilon", epsilon);
        return this;
    }

    @Override
    protected void beforeUpdates(List<Variable> variables) {
        if (uProductVariable == null) {
            uProductVariable = addVariable(Tensor.scalar(variables.getFirst().dtype(), 1.0), "u_product");
        }
        DType dt = uProductVariable.dtype();
        Tensor cache = tf.sub(Tensor.scalar(dt, 1), tf.mul(Tensor.scalar(dt, 0.5), tf.pow(Tensor.scalar(dt, DECAY), step(dt, 1))));
        uProduct = tf.mul(tf.mul(uProductVariable.read(), Tensor.scalar(dt, beta1)), cache);
        uProductVariable.assign(uProduct);
    }

    @Override
    protected void updateStep(Tensor g, Variable w, Tensor lr) {
        DType dt = w.dtype();
        Tensor one = Tensor.scalar(dt, 1);
        Tensor b1 = Tensor.scalar(dt, beta1);
        Tensor half = Tensor.scalar(dt, 0.5);
        Tensor decay = Tensor.scalar(dt, DECAY);
        Tensor uT = tf.mul(b1, tf.sub(one, tf.mul(half, tf.pow(decay, step(dt, 1)))));
        Tensor uT1 = tf.mul(b1, tf.sub(one, tf.mul(half, tf.pow(decay, step(dt, 2)))));
        Tensor uProductT = tf.cast(uProduct, dt);
        Tensor uProductT1 = tf.mul(uProductT, uT1);
        Tensor beta2Power = tf.pow(Tensor.scalar(dt, beta2), step(dt, 1));
        Variable mSlot = slotFor(w, "momentum");
        Variable vSlot = slotFor(w, "velocity");
        // one fused pass; the same arithmetic as the composed ops of the class comment
        new ApplyNadam(w, mSlot, vSlot, epsilon).applyAll(g, lr, tf.sub(one, b1), tf.sub(one, Tensor.scalar(dt, beta2)),
                uT1, tf.sub(one, uProductT1), tf.sub(one, uT), tf.sub(one, uProductT), tf.sub(one, beta2Power));
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
    }
}
