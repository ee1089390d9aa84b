package dev.horn.keras.regularizers;

import dev.horn.Tensor;
import java.util.Map;

/** A penalty on a weight, added to the training loss (Keras' {@code Regularizer}); returns a scalar. */
public interface Regularizer {
    Tensor apply(Tensor weight);

    String name();

    Map<String, Object> getConfig();
}
