package dev.horn.keras.saving;

import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.KerasTensor;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Node;
import dev.horn.keras.layers.Recurrent;
import dev.horn.keras.models.Functional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A functional model's saved form, as Keras' {@code Functional.get_config} writes it: each
 * layer with its {@code name} and {@code inbound_nodes} (Keras 3: {@code {"args": [...],
 * "kwargs": {}}} holding {@code __keras_tensor__} objects with their {@code keras_history};
 * Keras 2: {@code [[["dense", 0, 0, {}]]]}), then {@code input_layers} and
 * {@code output_layers} as {@code [layer, node_index, tensor_index]}. Node indexes count only the
 * layer's calls inside this model, as Keras re-indexes them. Loading replays the nodes in
 * layer order, deferring a node whose inputs are not made yet (a shared layer called on a later
 * layer's output), and builds the model from the tensors the inputs and outputs name.
 */
final class FunctionalConfigs {
    private FunctionalConfigs() {}

    static boolean isFunctional(String className) {
        return "Functional".equals(className) || "Model".equals(className);
    }

    static Map<String, Object> serialize(Functional model, Format format) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("trainable", model.trainable());
        List<Object> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            Map<String, Object> entry = KerasLayers.serialize(layer, format);
            entry.put("name", layer.name());
            List<Object> nodes = new ArrayList<>();
            for (Node node : layer.inboundNodes()) {
                if (model.hasNode(node) && !node.isInput()) {
                    nodes.add(format == Format.KERAS3 ? keras3Node(model, node) : keras2Node(model, node));
                }
            }
            entry.put("inbound_nodes", nodes);
            layers.add(entry);
        }
        config.put("layers", layers);
        config.put("input_layers", model.inputs().stream().map(t -> history(model, t)).toList());
        config.put("output_layers", model.outputs().stream().map(t -> history(model, t)).toList());
        return KerasObjects.wrap(format, "keras.src.models.functional", "Functional", config,
                format == Format.KERAS3 ? "Functional" : null);
    }

    /** {@code [layer, node_index, tensor_index]}, the node counted among the layer's calls in this model. */
    private static List<Object> history(Functional model, KerasTensor t) {
        int index = 0;
        for (Node n : t.layer().inboundNodes()) {
            if (n == t.node()) {
                break;
            }
            if (model.hasNode(n)) {
                index++;
            }
        }
        return List.of(t.layer().name(), index, t.tensorIndex());
    }

    private static Map<String, Object> keras3Node(Functional model, Node node) {
        List<Object> tensors = node.inputs().stream().<Object>map(t -> keras3Tensor(model, t)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        if (node.layer() instanceof Recurrent<?> && tensors.size() > 1) {
            // Keras calls lstm(x, initial_state=[h, c]): the sequence is the argument, the states a keyword
            out.put("args", tensors.subList(0, 1));
            Map<String, Object> kwargs = new LinkedHashMap<>();
            kwargs.put("initial_state", tensors.subList(1, tensors.size()));
            kwargs.putAll(KerasCallSignatures.nodeKwargs(node.layer().className(), tensors.size()));
            out.put("kwargs", kwargs);
            return out;
        }
        // one input is the call's only argument; several are one list argument (a merge layer's)
        out.put("args", tensors.size() == 1 ? tensors : List.of(tensors));
        out.put("kwargs", KerasCallSignatures.nodeKwargs(node.layer().className(), tensors.size()));
        return out;
    }

    private static Map<String, Object> keras3Tensor(Functional model, KerasTensor t) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("shape", KerasLayers.shapeList(t.shape()));
        c.put("dtype", t.dtype().tfName());
        c.put("keras_history", history(model, t));
        Map<String, Object> tensor = new LinkedHashMap<>();
        tensor.put("class_name", "__keras_tensor__");
        tensor.put("config", c);
        return tensor;
    }

    private static List<Object> keras2Node(Functional model, Node node) {
        List<Object> inbound = new ArrayList<>();
        for (KerasTensor t : node.inputs()) {
            List<Object> h = new ArrayList<>(history(model, t));
            h.add(Map.of());
            inbound.add(h);
        }
        return inbound;
    }

    // ---- reading ----

    static Functional deserialize(ConfigMap c, String where) {
        List<Map<String, Object>> saved = c.objects("layers");
        Map<String, Layer> byName = new LinkedHashMap<>();
        Map<String, List<List<Object>>> pending = new LinkedHashMap<>();
        Map<String, List<List<KerasTensor>>> made = new HashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            String at = where + ": layers[" + i + "]";
            Layer layer = KerasLayers.deserialize(saved.get(i), at);
            String name = saved.get(i).get("name") instanceof String n ? n : layer.name();
            if (byName.put(name, layer) != null) {
                throw new IllegalArgumentException(at + ": a second layer named \"" + name + "\"");
            }
            List<List<Object>> nodes = new ArrayList<>();
            if (saved.get(i).get("inbound_nodes") instanceof List<?> list) {
                for (Object node : list) {
                    nodes.add(inboundTensors(node, at));
                }
            }
            made.put(name, new ArrayList<>());
            if (layer instanceof InputLayer input) {
                made.get(name).add(List.of(input.output()));
            }
            pending.put(name, nodes);
        }
        // replay: each pass connects every node whose inputs exist, in layer order and node order
        boolean progress = true;
        while (progress && pending.values().stream().anyMatch(l -> !l.isEmpty())) {
            progress = false;
            for (Map.Entry<String, List<List<Object>>> e : pending.entrySet()) {
                while (!e.getValue().isEmpty()) {
                    List<KerasTensor> inputs = resolve(e.getValue().getFirst(), made, where);
                    if (inputs == null) {
                        break;
                    }
                    made.get(e.getKey()).add(byName.get(e.getKey()).connect(inputs));
                    e.getValue().removeFirst();
                    progress = true;
                }
            }
        }
        pending.forEach((name, nodes) -> {
            if (!nodes.isEmpty()) {
                throw new IllegalArgumentException(where + ": the inputs of layer \"" + name + "\" " + nodes.getFirst()
                        + " are never made (a missing layer or a cycle)");
            }
        });
        List<KerasTensor> inputs = tensors(c, "input_layers", made, where);
        List<KerasTensor> outputs = tensors(c, "output_layers", made, where);
        Functional model = new Functional(inputs, outputs);
        if (c.has("name")) {
            model.name(c.string("name", null));
        }
        return model;
    }

    /** A node's inbound tensors as {@code [layer, node, tensor]} triples, from either schema. */
    private static List<Object> inboundTensors(Object node, String where) {
        List<Object> out = new ArrayList<>();
        if (node instanceof Map<?, ?> keras3) {
            checkKwargs(keras3.get("kwargs"), where);
            Object args = keras3.get("args");
            if (!(args instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(where + ": inbound node " + PyJson.write(node) + " has no args");
            }
            List<Object> tensors = new ArrayList<>(list.getFirst() instanceof List<?> several ? several : list);
            if (keras3.get("kwargs") instanceof Map<?, ?> kwargs && kwargs.get("initial_state") instanceof List<?> states) {
                tensors.addAll(states); // an RNN's initial states follow its sequence, as Horn's layers take them
            }
            for (Object t : tensors) {
                if (!(t instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> cfg && cfg.get("keras_history") instanceof List<?> h)) {
                    throw new IllegalArgumentException(where + ": inbound node argument " + PyJson.write(t)
                            + " is not a __keras_tensor__ with a keras_history");
                }
                out.add(h);
            }
        } else if (node instanceof List<?> keras2) {
            for (Object triple : keras2) {
                if (triple instanceof List<?> h && h.size() > 3) {
                    checkKwargs(h.get(3), where);
                }
            }
            out.addAll(keras2);
        } else {
            throw new IllegalArgumentException(where + ": inbound node " + PyJson.write(node) + " is neither a Keras 3 "
                    + "{\"args\": ...} object nor a Keras 2 list");
        }
        return out;
    }

    /**
     * A node's call keywords: {@code training} and {@code mask} (Keras records the signature's
     * defaults; Horn infers both) and an RNN's {@code initial_state}; anything else is refused.
     */
    private static void checkKwargs(Object kwargs, String where) {
        if (kwargs == null) {
            return;
        }
        if (!(kwargs instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": inbound node kwargs " + PyJson.write(kwargs) + " is not an object");
        }
        for (Object key : map.keySet()) {
            if (!KerasCallSignatures.ACCEPTED_ON_LOAD.contains(key)) {
                throw new IllegalArgumentException(where + ": inbound node passes the call argument `" + key + "` ("
                        + PyJson.write(map.get(key)) + "); Horn loads calls with `training`, `mask` and `initial_state` only");
            }
        }
    }

    /** The tensors the triples name, or null while one of them is not made yet. */
    private static List<KerasTensor> resolve(List<Object> triples, Map<String, List<List<KerasTensor>>> made, String where) {
        List<KerasTensor> out = new ArrayList<>();
        for (Object triple : triples) {
            if (!(triple instanceof List<?> h) || h.size() < 3 || !(h.get(0) instanceof String layer)
                    || !(h.get(1) instanceof Number node) || !(h.get(2) instanceof Number tensor)) {
                throw new IllegalArgumentException(where + ": " + PyJson.write(triple)
                        + " is not a [layer_name, node_index, tensor_index] reference");
            }
            List<List<KerasTensor>> nodes = made.get(layer);
            if (nodes == null) {
                throw new IllegalArgumentException(where + ": a node refers to layer \"" + layer + "\", which the model does not have");
            }
            if (node.intValue() >= nodes.size()) {
                return null;
            }
            List<KerasTensor> outputs = nodes.get(node.intValue());
            if (tensor.intValue() >= outputs.size()) {
                throw new IllegalArgumentException(where + ": " + PyJson.write(triple) + " names output " + tensor
                        + " of a node with " + outputs.size() + " outputs");
            }
            out.add(outputs.get(tensor.intValue()));
        }
        return out;
    }

    private static List<KerasTensor> tensors(ConfigMap c, String key, Map<String, List<List<KerasTensor>>> made, String where) {
        Object v = c.raw(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw c.fail(key, "must list [layer_name, node_index, tensor_index] references");
        }
        // Keras writes one reference bare ([name, 0, 0]) for a model with one input or output
        List<?> refs = list.getFirst() instanceof String ? List.of(list) : list;
        List<KerasTensor> out = resolve(new ArrayList<>(refs), made, where + "." + key);
        if (out == null) {
            throw c.fail(key, "names a node that the layers do not make: " + PyJson.write(v));
        }
        return out;
    }
}
