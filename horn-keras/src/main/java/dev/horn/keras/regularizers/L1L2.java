package dev.horn.keras.regularizers;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code L1}, {@code L2} and {@code L1L2}: the penalty
 * {@code l1 * sum(|w|) + l2 * sum(w^2)}, a scalar of the weight's dtype. Keras 2 puts no 1/2
 * before the L2 term (it computes {@code 2 * l2 * tf.nn.l2_loss(w)}), and a zero factor adds
 * no term at all.
 */
public final class L1L2 implements Regularizer {
    private final String name;
    private final double l1;
    private final double l2;

    /** Keras' {@code L1L2(l1, l2)} (the class defaults both to 0; {@code "l1_l2"} by name to 0.01). */
    public L1L2(double l1, double l2) {
        this("l1_l2", l1, l2);
    }

    private L1L2(String name, double l1, double l2) {
        this.name = name;
        this.l1 = checkPenalty(l1);
        this.l2 = checkPenalty(l2);
    }

    static L1L2 l1(double l1) {
        return new L1L2("l1", l1, 0);
    }

    static L1L2 l2(double l2) {
        return new L1L2("l2", 0, l2);
    }

    @Override
    public Tensor apply(Tensor weight) {
        Tensor penalty = Tensor.scalar(weight.dtype(), 0);
        if (l1 != 0) {
            penalty = penalty.add(tf.reduceSum(tf.abs(weight)).mul(l1));
        }
        if (l2 != 0) {
            penalty = penalty.add(tf.reduceSum(tf.square(weight)).mul(l2));
        }
        return penalty;
    }

    @Override
    public String name() {
        return name;
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
    }

    /** L1's config has only l1, L2's only l2, as in Keras. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (!name.equals("l2")) {
            config.put("l1", l1);
        }
        if (!name.equals("l1")) {
            config.put("l2", l2);
        }
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }

    static double checkPenalty(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("Value " + x + " is not a valid regularization penalty number, "
                    + "an infinite number or NaN are not valid values.");
        }
        return x;
    }
}
