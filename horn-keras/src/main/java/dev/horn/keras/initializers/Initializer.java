package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.internal.KerasNames;
import java.util.Map;

/**
 * Creates a weight's starting value, as Keras' {@code Initializer}. Fans follow Keras: for a
 * kernel of shape (..., in, out), fan_in = in x receptive field, fan_out = out x receptive field.
 */
public interface Initializer {
    Tensor apply(Shape shape, DType dtype);

    default Tensor apply(Shape shape) {
        return apply(shape, DType.FLOAT32);
    }

    /** Keras' name ({@code glorot_uniform}, ...). */
    String name();

    /** The arguments that recreate it, in Keras' names. */
    Map<String, Object> getConfig();

    /** Keras' class name ({@code GlorotUniform}, ...), as a saved config's {@code class_name}. */
    default String className() {
        return KerasNames.className(name());
    }
}
