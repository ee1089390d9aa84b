package dev.horn.keras.activations;

import dev.horn.Tensor;
import java.util.function.UnaryOperator;

/**
 * An activation function with its Keras name, applied element-wise (softmax along the last
 * axis). Written with ops, so it differentiates and traces. {@code Activations.get("relu")}
 * finds one by name.
 */
public interface Activation {
    Tensor apply(Tensor x);

    /** Keras' name for it ({@code relu}, {@code softmax}, ...), as saved in a layer's config. */
    String name();

    /** A named activation from a function (custom activations). */
    static Activation of(String name, UnaryOperator<Tensor> function) {
        return new Activation() {
            @Override
            public Tensor apply(Tensor x) {
                return function.apply(x);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
