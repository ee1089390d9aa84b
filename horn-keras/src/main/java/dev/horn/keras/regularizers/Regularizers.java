package dev.horn.keras.regularizers;

import dev.horn.keras.internal.ConfigValues;
import java.util.List;
import java.util.Map;

/**
 * Keras' weight regularizers ({@code keras.regularizers}) by factory and by name, with Keras 2's
 * defaults: {@code l1} and {@code l2} 0.01; {@code l1_l2} 0.01 and 0.01 as a function or by
 * that name, while the {@code L1L2} class defaults both factors to 0.
 * {@snippet :
 * Regularizer r = Regularizers.l2(0.001);
 * Tensor penalty = r.apply(kernel);        // 0.001 * sum(kernel^2), a scalar
 * }
 */
public final class Regularizers {
    private Regularizers() {}

    private static final List<String> NAMES = List.of("L1", "L1L2", "L2", "OrthogonalRegularizer", "l1", "l1_l2", "l2",
            "orthogonal_regularizer");

    /** l1 * sum(|w|), l1 = 0.01. */
    public static Regularizer l1() { return L1L2.l1(0.01); }
    public static Regularizer l1(double l1) { return L1L2.l1(l1); }
    /** l2 * sum(w^2), l2 = 0.01. */
    public static Regularizer l2() { return L1L2.l2(0.01); }
    public static Regularizer l2(double l2) { return L1L2.l2(l2); }
    /** Keras 2's {@code l1_l2()}: both factors 0.01. */
    public static Regularizer l1L2() { return new L1L2(0.01, 0.01); }
    public static Regularizer l1L2(double l1, double l2) { return new L1L2(l1, l2); }
    /** Keras' {@code OrthogonalRegularizer(factor=0.01, mode="rows")}. */
    public static Regularizer orthogonal() { return new OrthogonalRegularizer(0.01, "rows"); }
    public static Regularizer orthogonal(double factor, String mode) { return new OrthogonalRegularizer(factor, mode); }

    /**
     * The regularizer Keras knows by {@code name}, with its defaults: {@code "l1"}, {@code "l2"},
     * {@code "l1_l2"} (0.01 and 0.01), the class names {@code "L1"}, {@code "L2"}, {@code
     * "L1L2"} (0 and 0, as Keras' class), or {@code "orthogonal_regularizer"}.
     *
     * @throws IllegalArgumentException for a name Keras does not know, listing those it does
     */
    public static Regularizer get(String name) {
        return "l1_l2".equals(name) ? l1L2() : fromConfig(name, Map.of());
    }

    /** A regularizer from a saved config: a class or snake_case name, the factors in Keras' names. */
    public static Regularizer fromConfig(String className, Map<String, Object> config) {
        if (className != null) {
            switch (className) {
                case "L1", "l1" -> { return L1L2.l1(number(config, "l1", 0.01)); }
                case "L2", "l2" -> { return L1L2.l2(number(config, "l2", 0.01)); }
                case "L1L2", "l1_l2" -> { return new L1L2(number(config, "l1", 0), number(config, "l2", 0)); }
                case "OrthogonalRegularizer", "orthogonal_regularizer" -> {
                    Object mode = config.get("mode");
                    return new OrthogonalRegularizer(number(config, "factor", 0.01), mode == null ? "rows" : mode.toString());
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("Unknown regularizer: '" + className + "'. Expected one of "
                + String.join(", ", NAMES));
    }

    /** The names {@link #get} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    private static double number(Map<String, Object> config, String key, double orElse) {
        return ConfigValues.number(config, key, orElse, v -> "Value " + v + " is not a valid regularization penalty number, expected an int or float value.");
    }
}
