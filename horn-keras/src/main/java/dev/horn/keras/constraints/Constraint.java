package dev.horn.keras.constraints;

import dev.horn.Tensor;
import dev.horn.keras.internal.KerasNames;
import java.util.Map;

/** Projects a weight back onto an allowed set after each optimizer step (Keras' {@code Constraint}). */
public interface Constraint {
    Tensor apply(Tensor weight);

    String name();

    Map<String, Object> getConfig();

    /** Keras' class name ({@code MaxNorm}, {@code NonNeg}, ...), as a saved config's {@code class_name}. */
    default String className() {
        return KerasNames.className(name());
    }
}
