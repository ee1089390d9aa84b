package dev.horn.keras.saving;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.keras.layers.ActivationLayer;
import dev.horn.keras.layers.Dense;
import dev.horn.keras.layers.Dropout;
import dev.horn.keras.layers.Flatten;
import dev.horn.keras.layers.FluentLayer;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.LeakyRelu;
import dev.horn.keras.layers.Masking;
import dev.horn.keras.layers.Reshape;
import dev.horn.keras.layers.merging.Add;
import dev.horn.keras.layers.merging.Average;
import dev.horn.keras.layers.merging.Concatenate;
import dev.horn.keras.layers.merging.Dot;
import dev.horn.keras.layers.merging.Maximum;
import dev.horn.keras.layers.merging.Minimum;
import dev.horn.keras.layers.merging.Multiply;
import dev.horn.keras.layers.merging.Subtract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Layers to and from Keras' saved form. Each built-in layer class registers one factory that
 * rebuilds it from its config (the arguments of its {@code get_config}); the shared arguments
 * ({@code name}, {@code trainable}, {@code dtype}, {@code batch_input_shape}) are applied here for
 * every layer. A new layer adds one {@link #register} line below; custom layers go through
 * {@link CustomObjects}.
 */
public final class KerasLayers {
    private static final Map<String, Function<ConfigMap, Layer>> FACTORIES = new ConcurrentHashMap<>();

    static {
        register("InputLayer", KerasLayers::inputLayer);
        register("Dense", c -> new Dense(c.integer("units"))
                .activation(KerasObjects.activation(c.raw("activation"), c.owner() + ".activation"))
                .useBias(c.bool("use_bias", true))
                .kernelInitializer(KerasObjects.initializer(or(c.raw("kernel_initializer"), "glorot_uniform"),
                        c.owner() + ".kernel_initializer"))
                .biasInitializer(KerasObjects.initializer(or(c.raw("bias_initializer"), "zeros"), c.owner() + ".bias_initializer"))
                .kernelRegularizer(KerasObjects.regularizer(c.raw("kernel_regularizer"), c.owner() + ".kernel_regularizer"))
                .biasRegularizer(KerasObjects.regularizer(c.raw("bias_regularizer"), c.owner() + ".bias_regularizer"))
                .kernelConstraint(KerasObjects.constraint(c.raw("kernel_constraint"), c.owner() + ".kernel_constraint"))
                .biasConstraint(KerasObjects.constraint(c.raw("bias_constraint"), c.owner() + ".bias_constraint")));
        register("Dropout", c -> {
            Dropout d = new Dropout(c.number("rate", 0.5));
            Long seed = c.optionalLong("seed");
            return seed == null ? d : d.seed(seed);
        });
        register("Activation", c -> new ActivationLayer(KerasObjects.activation(c.raw("activation"), c.owner() + ".activation")));
        register("Flatten", c -> new Flatten());
        register("LeakyReLU", c -> new LeakyRelu(c.has("negative_slope") ? c.number("negative_slope", 0.3) : c.number("alpha", 0.3)));
        register("Reshape", c -> new Reshape(c.shape("target_shape", -1)));
        register("Masking", c -> new Masking(c.number("mask_value", 0)));
        register("Add", c -> new Add());
        register("Subtract", c -> new Subtract());
        register("Multiply", c -> new Multiply());
        register("Average", c -> new Average());
        register("Maximum", c -> new Maximum());
        register("Minimum", c -> new Minimum());
        register("Concatenate", c -> new Concatenate().axis(c.integer("axis", -1)));
        register("Dot", c -> new Dot(c.ints("axes")).normalize(c.bool("normalize", false)));
        ConvLayerConfigs.registerAll();
        RecurrentLayerConfigs.registerAll();
        ImageLayerConfigs.registerAll();
    }

    private KerasLayers() {}

    /** Teaches loading a built-in layer class: its Keras class name and how to rebuild it from its config. */
    public static void register(String className, Function<ConfigMap, Layer> fromConfig) {
        FACTORIES.put(className, fromConfig);
    }

    /** The Keras class names of the built-in layers that load, sorted. */
    public static java.util.SortedSet<String> registeredClassNames() {
        return new java.util.TreeSet<>(FACTORIES.keySet());
    }

    // ---- writing ----

    /** {@code {"module": "keras.layers", "class_name": ..., "config": ..., ...}} for one layer. */
    public static Map<String, Object> serialize(Layer layer, Format format) {
        if (layer instanceof dev.horn.keras.models.Model nested) {
            return ModelConfigs.serialize(nested, format, false); // a model used as a layer
        }
        Map<String, Object> config = config(layer, format);
        boolean builtin = FACTORIES.containsKey(layer.className());
        String registered = null;
        if (!builtin) {
            CustomObjects.Entry e = CustomObjects.byName(layer.className());
            if (e == null) {
                throw new IllegalArgumentException("Cannot save layer \"" + layer.name() + "\" of class "
                        + layer.className() + ": it is not a built-in layer and not registered. Call "
                        + "registerKerasSerializable(\"Custom\", \"" + layer.className() + "\", config -> ...) first");
            }
            registered = e.registeredName();
        }
        Map<String, Object> out = KerasObjects.wrap(format, builtin ? "keras.layers" : layer.getClass().getPackageName(),
                layer.className(), config, registered);
        if (format == Format.KERAS3 && layer.isBuilt() && KerasCallSignatures.writesBuildConfig(layer.className())) {
            out.put("build_config", Map.of("input_shape", shapeList(layer.builtInputShape())));
        }
        return out;
    }

    /** The layer's config in the format's schema: nested objects serialized, the dtype a policy (Keras 3). */
    static Map<String, Object> config(Layer layer, Format format) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : layer.getConfig().entrySet()) {
            config.put(e.getKey(), KerasObjects.serialize(e.getValue(), format));
        }
        if (format == Format.KERAS3) {
            if (layer instanceof dev.horn.keras.layers.Recurrent<?> r) {
                config = RecurrentLayerConfigs.keras3(config, r);
            } else if (layer instanceof dev.horn.keras.layers.Bidirectional b) {
                RecurrentLayerConfigs.keras3(config, b);
            }
            if (!(layer instanceof InputLayer)) {
                config.put("dtype", dtypePolicy(String.valueOf(config.get("dtype"))));
                config.remove("batch_input_shape"); // Keras 3 keeps the input shape in InputLayer and build_config
            } else {
                Object shape = config.remove("batch_input_shape");
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("batch_shape", shape);
                input.put("dtype", config.get("dtype"));
                input.put("sparse", false);
                input.put("ragged", false);
                input.put("name", config.get("name"));
                return input;
            }
        } else if (layer instanceof LeakyRelu) {
            config.put("alpha", config.remove("negative_slope")); // Keras 2's name for the slope
        }
        return config;
    }

    static Map<String, Object> dtypePolicy(String name) {
        return KerasObjects.wrap(Format.KERAS3, "keras", "DTypePolicy", Map.of("name", name), null);
    }

    static List<Object> shapeList(Shape shape) {
        List<Object> out = new ArrayList<>();
        for (int d : shape.dims()) {
            out.add(d == Shape.UNKNOWN ? null : d);
        }
        return out;
    }

    // ---- reading ----

    /** A new, unbuilt layer from its saved form (either schema). */
    public static Layer deserialize(Map<String, Object> saved, String where) {
        KerasObjects.Saved s = KerasObjects.saved(saved, where);
        if (ModelConfigs.isModel(s.className())) {
            return ModelConfigs.deserialize(saved, where);
        }
        ConfigMap c = new ConfigMap(where + " (" + s.className() + " config)", s.config());
        Function<ConfigMap, Layer> factory = s.registeredName() == null ? FACTORIES.get(s.className()) : null;
        Layer layer;
        if (factory != null) {
            layer = factory.apply(c);
        } else {
            CustomObjects.Entry e = CustomObjects.lookup(s.registeredName(), s.className());
            if (e == null) {
                throw CustomObjects.unknown("layer", s.className(), s.registeredName(), saved);
            }
            Object made = e.factory().apply(s.config());
            if (!(made instanceof Layer l)) {
                throw new IllegalArgumentException(where + ": registered layer '" + e.registeredName() + "' made "
                        + (made == null ? "null" : "a " + made.getClass().getName()) + ", not a Layer");
            }
            layer = l;
        }
        applyBase(layer, c);
        return layer;
    }

    private static void applyBase(Layer layer, ConfigMap c) {
        if (!(layer instanceof FluentLayer<?> fluent)) {
            return; // a custom layer sets its own name and flags
        }
        if (c.has("name") && !c.string("name", "").equals(layer.name())) {
            fluent.name(c.string("name", null));
        }
        fluent.trainable(c.bool("trainable", true));
        fluent.dtype(dtype(c.raw("dtype"), c));
        if (!(layer instanceof InputLayer) && c.has("batch_input_shape")) {
            int[] full = c.shape("batch_input_shape", Shape.UNKNOWN);
            int[] sample = java.util.Arrays.copyOfRange(full, 1, full.length);
            if (full[0] == Shape.UNKNOWN) {
                fluent.inputShape(sample);
            } else {
                fluent.batchInputShape(full[0], sample);
            }
        }
    }

    /** A dtype as Keras 2 ("float32") or Keras 3 (a DTypePolicy object) writes it. */
    static DType dtype(Object saved, ConfigMap c) {
        Object name = saved;
        if (saved instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> cfg) {
            name = cfg.get("name");
        }
        if (name == null) {
            return DType.FLOAT32;
        }
        for (DType d : DType.values()) {
            if (d.tfName().equals(name)) {
                return d;
            }
        }
        throw c.fail("dtype", "\"" + name + "\" is not supported (mixed-precision policies are not); expected one of "
                + java.util.Arrays.stream(DType.values()).map(DType::tfName).toList());
    }

    /** Keras 3 writes {@code batch_shape}, Keras 2 {@code batch_input_shape}; a fixed batch size is kept. */
    private static Layer inputLayer(ConfigMap c) {
        int[] full = c.has("batch_shape") ? c.shape("batch_shape", Shape.UNKNOWN) : c.shape("batch_input_shape", Shape.UNKNOWN);
        if (full == null || full.length == 0) {
            throw c.fail("batch_shape", "is required for an InputLayer");
        }
        int[] sample = java.util.Arrays.copyOfRange(full, 1, full.length);
        InputLayer input = new InputLayer(sample);
        return full[0] == Shape.UNKNOWN ? input : input.batchInputShape(full[0], sample);
    }

    private static Object or(Object value, Object orElse) {
        return value == null ? orElse : value;
    }
}
