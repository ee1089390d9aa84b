package dev.horn.keras.regularizers;

import dev.horn.Tensor;
import dev.horn.keras.internal.KerasNames;
import java.util.Map;

/** A penalty on a weight, added to the training loss (Keras' {@code Regularizer}); returns a scalar. */
public interface Regularizer {
    Tensor apply(Tensor weight);

    String name();

    Map<String, Object> getConfig();

    /** Keras' class name ({@code L1}, {@code L1L2}, ...), as a saved config's {@code class_name}. */
    default String className() {
        return KerasNames.className(name());
    }
}
