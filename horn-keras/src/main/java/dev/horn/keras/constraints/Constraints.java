package dev.horn.keras.constraints;

import dev.horn.keras.internal.ConfigValues;
import java.util.List;
import java.util.Map;

/**
 * Keras' weight constraints ({@code keras.constraints}) by factory and by name, with Keras'
 * defaults: {@code max_norm(max_value=2, axis=0)}, {@code non_neg}, {@code unit_norm(axis=0)},
 * {@code min_max_norm(min_value=0, max_value=1, rate=1, axis=0)}.
 * {@snippet :
 * Constraint c = Constraints.maxNorm(3);       // each column of a Dense kernel: norm <= 3
 * Tensor projected = c.apply(kernel);
 * }
 */
public final class Constraints {
    private Constraints() {}

    private static final List<String> NAMES = List.of("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm", "max_norm",
            "maxnorm", "min_max_norm", "non_neg", "nonneg", "unit_norm", "unitnorm");

    /** Norm at most 2 along axis 0. */
    public static Constraint maxNorm() { return new MaxNorm(2, 0); }
    public static Constraint maxNorm(double maxValue) { return new MaxNorm(maxValue, 0); }
    public static Constraint maxNorm(double maxValue, int... axis) { return new MaxNorm(maxValue, axis); }

    public static Constraint nonNeg() { return NonNeg.INSTANCE; }

    /** Norm 1 along axis 0. */
    public static Constraint unitNorm() { return new UnitNorm(0); }
    public static Constraint unitNorm(int... axis) { return new UnitNorm(axis); }

    /** Norm in [0, 1] along axis 0, enforced at once (rate 1). */
    public static Constraint minMaxNorm() { return new MinMaxNorm(0, 1, 1, 0); }
    public static Constraint minMaxNorm(double minValue, double maxValue) { return new MinMaxNorm(minValue, maxValue, 1, 0); }
    public static Constraint minMaxNorm(double minValue, double maxValue, double rate, int... axis) {
        return new MinMaxNorm(minValue, maxValue, rate, axis);
    }

    /**
     * The constraint Keras knows by {@code name}, with its defaults: {@code "max_norm"},
     * {@code "non_neg"}, {@code "unit_norm"}, {@code "min_max_norm"}, their class names
     * ({@code "MaxNorm"}, ...) or Keras' old spellings ({@code "maxnorm"}, {@code "nonneg"},
     * {@code "unitnorm"}).
     *
     * @throws IllegalArgumentException for a name Keras does not know, listing those it does
     */
    public static Constraint get(String name) {
        return fromConfig(name, Map.of());
    }

    /** A constraint from a saved config: a name as {@link #get} reads them, arguments in Keras' names. */
    public static Constraint fromConfig(String className, Map<String, Object> config) {
        if (className != null) {
            switch (className) {
                case "MaxNorm", "max_norm", "maxnorm" -> {
                    return new MaxNorm(number(config, "max_value", 2), NormConstraint.axesOf(config.get("axis")));
                }
                case "NonNeg", "non_neg", "nonneg" -> { return NonNeg.INSTANCE; }
                case "UnitNorm", "unit_norm", "unitnorm" -> { return new UnitNorm(NormConstraint.axesOf(config.get("axis"))); }
                case "MinMaxNorm", "min_max_norm" -> {
                    return new MinMaxNorm(number(config, "min_value", 0), number(config, "max_value", 1),
                            number(config, "rate", 1), NormConstraint.axesOf(config.get("axis")));
                }
                default -> { }
            }
        }
        throw new IllegalArgumentException("Unknown constraint: '" + className + "'. Expected one of "
                + String.join(", ", NAMES));
    }

    /** The names {@link #get} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    private static double number(Map<String, Object> config, String key, double orElse) {
        return ConfigValues.number(config, key, orElse, v -> "constraint config: `" + key + "` must be a number, got " + v);
    }
}
