package dev.horn.keras.saving;

import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.constraints.Constraints;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.metrics.Metrics;
import dev.horn.keras.regularizers.Regularizer;
import dev.horn.keras.regularizers.Regularizers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras' {@code serialize_keras_object} / {@code deserialize_keras_object} for the objects a
 * layer or a compile config holds: initializers, regularizers, constraints, activations, losses
 * and metrics (optimizers and schedules are in {@link OptimizerConfigs}). Built-in objects are
 * written as Keras writes them ({@code {"module": "keras.initializers", "class_name":
 * "GlorotUniform", "config": {"seed": null}, "registered_name": null}}; activations and default
 * losses as their names); custom ones by their {@link CustomObjects} registration. Reading takes
 * either schema and plain names.
 */
public final class KerasObjects {
    private KerasObjects() {}

    /** Keras' wrapper of a class and its config. */
    public static Map<String, Object> wrap(Format format, String module, String className, Object config,
                                          String registeredName) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (format == Format.KERAS3) {
            out.put("module", module);
        }
        out.put("class_name", className);
        out.put("config", config);
        if (format == Format.KERAS3) {
            out.put("registered_name", registeredName);
        }
        return out;
    }

    /** A config value as JSON-ready data: objects a layer keeps in its config become their saved form. */
    public static Object serialize(Object value, Format format) {
        return switch (value) {
            case dev.horn.keras.layers.Layer layer -> KerasLayers.serialize(layer, format); // a wrapper's layer
            case Initializer i -> wrap(format, "keras.initializers", i.className(), i.getConfig(), null);
            case Regularizer r -> wrap(format, "keras.regularizers", r.className(), r.getConfig(), null);
            case Constraint c -> wrap(format, "keras.constraints", c.className(), c.getConfig(), null);
            case Activation a -> activation(a, format);
            case Loss l -> loss(l, format);
            case Metric m -> metric(m, format);
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), serialize(v, format)));
                yield out;
            }
            case List<?> l -> l.stream().map(v -> serialize(v, format)).toList();
            case null, default -> value;
        };
    }

    private static Object activation(Activation a, Format format) {
        String name = KerasSemantics.name(a, format);
        if (name != null) {
            return name;
        }
        if (a == Activations.HARD_SIGMOID || a == Activations.hardSigmoidKeras3()) {
            throw new IllegalArgumentException("Cannot save " + (a == Activations.HARD_SIGMOID ? "Keras 2's" : "Keras 3's")
                    + " hard_sigmoid in a " + (format == Format.KERAS3 ? "Keras 3 (.keras)" : "Keras 2 (HDF5, JSON)")
                    + " file: there \"hard_sigmoid\" is " + (format == Format.KERAS3 ? "relu6(x + 3) / 6" : "clip(0.2 x + 0.5, 0, 1)")
                    + ". Save in the other format, or use " + (a == Activations.HARD_SIGMOID
                    ? "Activations.hardSigmoidKeras3()" : "\"hard_sigmoid\" (Keras 2's)") + " for this format");
        }
        CustomObjects.Entry e = CustomObjects.byName(a.name());
        if (e == null && Activations.names().contains(a.name())) {
            // relu(alpha = 0.1) and the like: Keras saves activations by name only, which would drop the arguments
            throw new IllegalArgumentException("Cannot save activation '" + a.name() + "' with non-default arguments: "
                    + "Keras saves activations by name. Register it under its own name with "
                    + "registerKerasSerializable(\"Custom\", name, config -> ...) or use a layer (LeakyReLU, ReLU)");
        }
        e = requireRegistered("activation", a.name());
        return wrap(format, null, "function", a.name(), e.registeredName());
    }

    private static Object loss(Loss l, Format format) {
        if (Losses.contains(l.name()) && Losses.get(l.name()).getConfig().equals(l.getConfig())) {
            return l.name(); // as given to compile: a name with Keras' defaults
        }
        if (Losses.contains(l.getClass().getSimpleName())) {
            return wrap(format, "keras.losses", l.getClass().getSimpleName(), l.getConfig(), null);
        }
        CustomObjects.Entry e = requireRegistered("loss", l.name());
        return wrap(format, l.getClass().getPackageName(), l.name(), l.getConfig(), e.registeredName());
    }

    private static Object metric(Metric m, Format format) {
        if (Metrics.contains(m.name())) {
            return m.name();
        }
        CustomObjects.Entry e = requireRegistered("metric", m.name());
        return wrap(format, m.getClass().getPackageName(), m.name(), Map.of("name", m.name()), e.registeredName());
    }

    private static CustomObjects.Entry requireRegistered(String kind, String name) {
        CustomObjects.Entry e = CustomObjects.byName(name);
        if (e == null) {
            throw new IllegalArgumentException("Cannot save custom " + kind + " '" + name + "': it is not registered. "
                    + "Call registerKerasSerializable(\"Custom\", \"" + name + "\", config -> ...) so that loading can "
                    + "rebuild it");
        }
        return e;
    }

    // ---- reading ----

    /** A saved object's parts: class name, config, registered name (null for plain names). */
    record Saved(String className, Map<String, Object> config, String registeredName, Object raw) {}

    @SuppressWarnings("unchecked")
    static Saved saved(Object value, String where) {
        if (value instanceof String s) {
            return new Saved(s, Map.of(), null, value);
        }
        if (value instanceof Map<?, ?> m && m.get("class_name") instanceof String cls) {
            Object config = m.get("config");
            Map<String, Object> cfg = config instanceof Map<?, ?> c ? (Map<String, Object>) c
                    : config instanceof String s ? Map.of("name", s) : Map.of();
            Object reg = m.get("registered_name");
            return new Saved(cls, cfg, reg instanceof String r ? r : null, value);
        }
        throw new IllegalArgumentException(where + " must be a name or {\"class_name\": ..., \"config\": ...}, got "
                + PyJson.write(value));
    }

    public static Initializer initializer(Object value, String where) {
        Saved s = saved(value, where);
        return custom(s, Initializer.class, "initializer", () -> Initializers.fromConfig(s.className(), s.config()));
    }

    /** Null stays null (no regularizer). */
    public static Regularizer regularizer(Object value, String where) {
        if (value == null) {
            return null;
        }
        Saved s = saved(value, where);
        return custom(s, Regularizer.class, "regularizer", () -> Regularizers.fromConfig(s.className(), s.config()));
    }

    public static Constraint constraint(Object value, String where) {
        if (value == null) {
            return null;
        }
        Saved s = saved(value, where);
        return custom(s, Constraint.class, "constraint", () -> Constraints.fromConfig(s.className(), s.config()));
    }

    public static Activation activation(Object value, String where) {
        if (value == null) {
            return Activations.get("linear");
        }
        Saved s = saved(value, where);
        String name = "function".equals(s.className()) && s.raw() instanceof Map<?, ?> m && m.get("config") instanceof String n
                ? n : s.className();
        if (s.registeredName() == null && Activations.names().contains(name)) {
            return KerasSemantics.activation(name);
        }
        return custom(new Saved(name, s.config(), s.registeredName(), s.raw()), Activation.class, "activation",
                () -> Activations.get(name));
    }

    public static Loss loss(Object value, String where) {
        Saved s = saved(value, where);
        return custom(s, Loss.class, "loss", () -> LossConfigs.fromConfig(s.className(), new ConfigMap(where, s.config())));
    }

    public static Object metric(Object value, String where) {
        Saved s = saved(value, where);
        if (value instanceof String name) {
            return name; // compile resolves names against the loss ("accuracy")
        }
        return custom(s, Metric.class, "metric", () -> Metrics.get(s.className()));
    }

    /** The registered custom object when one matches, else the built-in; Keras' error when neither exists. */
    static <T> T custom(Saved s, Class<T> type, String kind, java.util.function.Supplier<T> builtin) {
        CustomObjects.Entry e = CustomObjects.lookup(s.registeredName(), s.className());
        if (e != null) {
            Object made = e.factory().apply(s.config());
            if (!type.isInstance(made)) {
                throw new IllegalArgumentException("registered " + kind + " '" + e.registeredName() + "' made a "
                        + (made == null ? "null" : made.getClass().getName()) + ", not a " + type.getSimpleName());
            }
            return type.cast(made);
        }
        if (s.registeredName() != null) {
            throw CustomObjects.unknown(kind, s.className(), s.registeredName(), s.raw());
        }
        try {
            return builtin.get();
        } catch (IllegalArgumentException notBuiltin) {
            if (notBuiltin.getMessage() != null && notBuiltin.getMessage().startsWith("Unknown")) {
                throw CustomObjects.unknown(kind, s.className(), null, s.raw());
            }
            throw notBuiltin;
        }
    }
}
