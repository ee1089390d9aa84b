package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code NonNeg}: negative weights set to zero, {@code w * (w >= 0)}. */
public final class NonNeg implements Constraint {
    static final NonNeg INSTANCE = new NonNeg();

    private NonNeg() {}

    @Override
    public Tensor apply(Tensor w) {
        return w.mul(tf.cast(tf.greaterEqual(w, tf.zerosLike(w)), w.dtype()));
    }

    @Override
    public String name() {
        return "non_neg";
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public String toString() {
        return className();
    }
}
