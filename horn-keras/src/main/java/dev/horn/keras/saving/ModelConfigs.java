package dev.horn.keras.saving;

import dev.horn.Shape;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.models.Functional;
import dev.horn.keras.models.Model;
import dev.horn.keras.models.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's architecture and compile settings as Keras saves them: Keras 3's
 * {@code config.json} object (with {@code build_config} and {@code compile_config}) or Keras 2's
 * {@code model_config} and {@code training_config}, for Sequential models here and functional
 * ones ({@code inbound_nodes}, {@code input_layers}/{@code output_layers}) in {@link FunctionalConfigs}.
 */
public final class ModelConfigs {
    private ModelConfigs() {}

    /** The model's saved form: {@code {"module": "keras", "class_name": "Sequential", "config": ...}}. */
    public static Map<String, Object> serialize(Model model, Format format) {
        return serialize(model, format, true);
    }

    /** Whether a saved class name is a model's (a model nested as a layer loads as a model). */
    static boolean isModel(String className) {
        return "Sequential".equals(className) || FunctionalConfigs.isFunctional(className);
    }

    /** {@code withCompile}: false for a model nested in another, whose compile settings Keras does not save. */
    static Map<String, Object> serialize(Model model, Format format, boolean withCompile) {
        if (model instanceof Functional functional) {
            Map<String, Object> out = FunctionalConfigs.serialize(functional, format);
            if (format == Format.KERAS3) {
                // Keras builds a Functional model in its constructor, recording no input shape
                Map<String, Object> build = new LinkedHashMap<>();
                build.put("input_shape", null);
                out.put("build_config", build);
                if (withCompile && model.isCompiled()) {
                    out.put("compile_config", compileConfig(model, format));
                }
            }
            return out;
        }
        Sequential seq = sequential(model, "save");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", seq.name());
        config.put("trainable", seq.trainable());
        if (format == Format.KERAS3) {
            config.put("dtype", KerasLayers.dtypePolicy(seq.dtype().tfName()));
        }
        List<Object> layers = new ArrayList<>();
        Shape input = seq.inputShape();
        if (input != null) {
            layers.add(inputLayer(seq, input, format));
        }
        for (Layer l : seq.layers()) {
            layers.add(KerasLayers.serialize(l, format));
        }
        config.put("layers", layers);
        if (format == Format.KERAS3 && input != null) {
            config.put("build_input_shape", KerasLayers.shapeList(input));
        }
        Map<String, Object> out = KerasObjects.wrap(format, "keras", "Sequential", config, null);
        if (format == Format.KERAS3) {
            if (input != null) {
                out.put("build_config", Map.of("input_shape", KerasLayers.shapeList(input)));
            }
            if (withCompile && model.isCompiled()) {
                out.put("compile_config", compileConfig(model, format));
            }
        }
        return out;
    }

    /** Keras 3 calls the input layer {@code input_layer}; Keras 2 names it after the first layer. */
    private static Map<String, Object> inputLayer(Sequential seq, Shape input, Format format) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(format == Format.KERAS3 ? "batch_shape" : "batch_input_shape", KerasLayers.shapeList(input));
        config.put("dtype", seq.dtype().tfName());
        config.put("sparse", false);
        config.put("ragged", false);
        config.put("name", format == Format.KERAS3 ? "input_layer" : seq.layers().getFirst().name() + "_input");
        return KerasObjects.wrap(format, "keras.layers", "InputLayer", config, null);
    }

    /**
     * Keras 3's {@code compile_config}; for Keras 2 the same settings as {@code training_config}.
     * A model of several outputs records its losses, loss weights and metrics keyed by output
     * name, as Keras does when compile was given dicts.
     */
    public static Map<String, Object> compileConfig(Model model, Format format) {
        Object loss = CompilePerOutput.losses(model, format);
        Object lossWeights = CompilePerOutput.lossWeights(model);
        Object metrics = CompilePerOutput.metrics(model, format);
        Map<String, Object> c = new LinkedHashMap<>();
        if (format == Format.KERAS3) {
            c.put("optimizer", OptimizerConfigs.serialize(model.optimizer(), format));
            c.put("loss", loss);
            c.put("loss_weights", lossWeights);
            c.put("metrics", metrics);
            c.put("weighted_metrics", null);
            c.put("run_eagerly", false);
            c.put("steps_per_execution", 1);
            c.put("jit_compile", false);
        } else {
            c.put("loss", loss);
            c.put("metrics", metrics);
            c.put("weighted_metrics", null);
            c.put("loss_weights", lossWeights);
            c.put("optimizer_config", OptimizerConfigs.serialize(model.optimizer(), format));
        }
        return c;
    }

    /** A new model from its saved form (either schema), built when the config gives the input shape. */
    public static Model deserialize(Map<String, Object> saved, String where) {
        KerasObjects.Saved s = KerasObjects.saved(saved, where);
        if (FunctionalConfigs.isFunctional(s.className())) {
            return FunctionalConfigs.deserialize(new ConfigMap(where + " (Functional config)", s.config()), where);
        }
        if (!"Sequential".equals(s.className())) {
            throw new IllegalArgumentException(where + ": a " + s.className() + " model cannot be loaded; "
                    + "Horn loads Sequential and Functional models");
        }
        ConfigMap c = new ConfigMap(where + " (Sequential config)", s.config());
        Sequential model = new Sequential();
        if (c.has("name")) {
            model.name(c.string("name", null));
        }
        List<Map<String, Object>> layers = c.objects("layers");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = KerasLayers.deserialize(layers.get(i), where + ": layers[" + i + "]");
            if (layer instanceof InputLayer && i > 0) {
                throw new IllegalArgumentException(where + ": layers[" + i + "] is an InputLayer; only the first "
                        + "layer of a Sequential model may be one");
            }
            model.add(layer);
        }
        if (model.inputShape() == null && c.has("build_input_shape")) {
            model.buildFor(Shape.of(c.shape("build_input_shape", Shape.UNKNOWN)));
        }
        return model;
    }

    /**
     * Compiles the model as the saved compile (or training) config says; nothing when there is
     * none or it names no loss. As Keras' {@code compile(**config)}, a missing optimizer is
     * {@code "rmsprop"}; losses, loss weights and metrics may be given per output.
     */
    public static void compile(Model model, Object compileConfig, String where) {
        if (!(compileConfig instanceof Map<?, ?>)) {
            return;
        }
        @SuppressWarnings("unchecked")
        ConfigMap c = new ConfigMap(where, (Map<String, Object>) compileConfig);
        Object optimizer = c.has("optimizer") ? c.raw("optimizer") : c.has("optimizer_config") ? c.raw("optimizer_config") : "rmsprop";
        if (!c.has("loss")) {
            return;
        }
        List<Object> args = new ArrayList<>(CompilePerOutput.readMetrics(model, c.raw("metrics"), where + ".metrics"));
        if (c.has("loss_weights")) {
            args.add(CompilePerOutput.readLossWeights(model, c.raw("loss_weights"), where + ".loss_weights"));
        }
        model.compile(OptimizerConfigs.deserialize(optimizer, where + ".optimizer"),
                CompilePerOutput.readLoss(model, c.raw("loss"), where + ".loss"), args.toArray());
    }

    private static Sequential sequential(Model model, String what) {
        if (!(model instanceof Sequential seq)) {
            throw new IllegalArgumentException("cannot " + what + " model \"" + model.name() + "\" of class "
                    + model.className() + ": Horn saves Sequential and Functional models");
        }
        return seq;
    }
}
