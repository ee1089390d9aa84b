package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/** PLACEHOLDER until the initializers branch lands. */
public final class Initializers {
    private Initializers() {}

    public static Initializer get(String name) {
        return switch (name) {
            case "zeros" -> new Initializer() {
                public Tensor apply(Shape s, DType d) { return tf.zeros(d, s.dims()); }
                public String name() { return "zeros"; }
                public Map<String, Object> getConfig() { return Map.of(); }
            };
            case "glorot_uniform" -> new Initializer() {
                public Tensor apply(Shape s, DType d) {
                    double limit = Math.sqrt(6.0 / (s.dim(0) + s.dim(s.rank() - 1)));
                    return tf.randomUniform(s.dims(), -limit, limit, d);
                }
                public String name() { return "glorot_uniform"; }
                public Map<String, Object> getConfig() { return Map.of(); }
            };
            default -> throw new IllegalArgumentException("Unknown initializer: " + name);
        };
    }
}
