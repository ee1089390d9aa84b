package dev.horn.keras.constraints;

import dev.horn.Tensor;
import java.util.Map;

/** Projects a weight back onto an allowed set after each optimizer step (Keras' {@code Constraint}). */
public interface Constraint {
    Tensor apply(Tensor weight);

    String name();

    Map<String, Object> getConfig();
}
