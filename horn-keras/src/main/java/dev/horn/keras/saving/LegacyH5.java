package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.models.Model;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras 2's whole-model HDF5 file ({@code model.save("m.h5")}): root attributes
 * {@code keras_version}, {@code backend}, {@code model_config} (Keras 2 JSON) and
 * {@code training_config}; group {@code model_weights} with attribute {@code layer_names} and,
 * per layer, a group with attribute {@code weight_names} ({@code dense/kernel:0}, ...) holding
 * each weight at that path; group {@code optimizer_weights} likewise for the optimizer's
 * variables. The layout is that of Keras' {@code legacy_h5_format.py}.
 */
public final class LegacyH5 {
    private LegacyH5() {}

    public static void save(Model model, Path path) {
        String config = PyJson.write(ModelConfigs.serialize(model, Format.KERAS2));
        String training = model.isCompiled() ? PyJson.write(ModelConfigs.compileConfig(model, Format.KERAS2)) : null;
        AtomicFiles.write(path, tmp -> {
            try (WritableHdfFile file = HdfFile.write(tmp)) {
                file.putAttribute("backend", "tensorflow");
                file.putAttribute("keras_version", Format.KERAS2.kerasVersion);
                file.putAttribute("model_config", config);
                if (training != null) {
                    file.putAttribute("training_config", training);
                }
                WritableGroup weights = file.putGroup("model_weights");
                weights.putAttribute("backend", "tensorflow");
                weights.putAttribute("keras_version", Format.KERAS2.kerasVersion);
                List<Layer> layers = model.layers();
                weights.putAttribute("layer_names", layers.stream().map(Layer::name).toArray(String[]::new));
                for (Layer layer : layers) {
                    writeNamed(weights.putGroup(layer.name()), layer.variables());
                }
                if (model.isCompiled()) {
                    writeNamed(file.putGroup("optimizer_weights"),
                            OptimizerVariables.kerasOrder(model.optimizer(), model.trainableVariables()));
                }
            }
            WeightsFile.checkReadable(tmp);
        });
    }

    /** Datasets at their weight names' paths ({@code dense/kernel:0}), listed in {@code weight_names}. */
    private static void writeNamed(WritableGroup group, List<Variable> variables) {
        String[] names = variables.stream().map(v -> v.name() + ":0").toArray(String[]::new);
        if (names.length == 0) {
            return; // jhdf 0.9.4 cannot write an empty string array; Keras reads a missing weight_names as none
        }
        group.putAttribute("weight_names", names);
        for (int i = 0; i < names.length; i++) {
            String[] parts = names[i].split("/");
            WritableGroup g = group;
            for (int p = 0; p < parts.length - 1; p++) {
                g = g.getChild(parts[p]) instanceof WritableGroup existing ? existing : g.putGroup(parts[p]);
            }
            g.putDataset(parts[parts.length - 1], H5Values.nested(variables.get(i).storedValue()));
        }
    }

    public static Model load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("loadModelHdf5: no such file: " + path);
        }
        try (HdfFile file = new HdfFile(path)) {
            String configText = stringAttribute(file, "model_config", path);
            if (configText == null) {
                throw new IllegalArgumentException("loadModelHdf5: " + path + " has no model_config attribute; it holds "
                        + "weights only (load them with loadWeights into a model built the same way)");
            }
            String where = path + " (model_config)";
            String training = stringAttribute(file, "training_config", path);
            Model model = KerasSemantics.reading(stringAttribute(file, "keras_version", path), () -> {
                Model m = ModelConfigs.deserialize(PyJson.readObject(configText, where), where);
                if (training != null) {
                    ModelConfigs.compile(m, PyJson.readObject(training, path + " (training_config)"),
                            path + " (training_config)");
                }
                return m;
            });
            Group weights = H5Values.groupOrNull(file, "model_weights", path);
            if (weights == null || weights.getAttribute("layer_names") == null) {
                throw new IllegalArgumentException("loadModelHdf5: " + path + " has no model_weights group with layer_names; it is not a Keras HDF5 model file");
            }
            List<Runnable> assignments = new ArrayList<>();
            assignments.add(prepareLayers(model, weights, path));
            Group optimizer = H5Values.groupOrNull(file, "optimizer_weights", path);
            if (optimizer != null && model.isCompiled()) {
                if (stringsAttribute(optimizer, "weight_names", path).length > model.optimizer().variables().size()) {
                    OptimizerSlots.build(model.optimizer(), model.trainableVariables()); // a file of an optimizer that ran
                }
                try {
                    assignments.add(prepareOptimizer(model, optimizer, path));
                } catch (IllegalArgumentException mismatch) {
                    // as Keras, load the model and start the optimizer afresh
                    System.err.println("WARNING: Error in loading the saved optimizer state. As a result, your model "
                            + "is starting with a freshly initialized optimizer. (" + mismatch.getMessage() + ")");
                }
            }
            assignments.forEach(Runnable::run);
            return model;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("loadModelHdf5: " + path + " is not a readable Keras HDF5 file: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The optimizer's state in Keras 3's order (what Horn and Keras 3 write), else matched by
     * name as Keras 2 wrote it ({@link Keras2OptimizerSlots}).
     */
    private static Runnable prepareOptimizer(Model model, Group optimizer, Path path) {
        try {
            return prepareNamed(optimizer, OptimizerVariables.kerasOrder(model.optimizer(), model.trainableVariables()),
                    path, "optimizer \"" + model.optimizer().name() + "\"");
        } catch (IllegalArgumentException notKeras3) {
            try {
                return Keras2OptimizerSlots.prepare(optimizer, model.optimizer(), model.trainableVariables(), path);
            } catch (IllegalArgumentException notKeras2) {
                notKeras2.addSuppressed(notKeras3);
                throw new IllegalArgumentException(notKeras3.getMessage() + "; read as Keras 2's layout: "
                        + notKeras2.getMessage(), notKeras2);
            }
        }
    }

    /** As Keras' {@code load_weights_from_hdf5_group}: the layers with weights, in order, against the file's. */
    private static Runnable prepareLayers(Model model, Group weights, Path path) {
        List<Layer> withWeights = model.layers().stream().filter(l -> !l.variables().isEmpty()).toList();
        List<String> fileLayers = new ArrayList<>();
        for (String name : stringsAttribute(weights, "layer_names", path)) {
            Group g = H5Values.groupOrNull(weights, name, path);
            if (g == null) {
                throw new IllegalArgumentException(path + ": model_weights lists layer \"" + name + "\" but has no group for it");
            }
            if (stringsAttribute(g, "weight_names", path).length > 0) {
                fileLayers.add(name);
            }
        }
        if (fileLayers.size() != withWeights.size()) {
            throw new IllegalArgumentException(path + ": the file holds weights for " + fileLayers.size() + " layers "
                    + fileLayers + " but the model has " + withWeights.size() + " layers with weights "
                    + withWeights.stream().map(Layer::name).toList());
        }
        List<Runnable> parts = new ArrayList<>();
        for (int i = 0; i < withWeights.size(); i++) {
            Layer layer = withWeights.get(i);
            parts.add(prepareNamed(H5Values.groupOrNull(weights, fileLayers.get(i), path), layer.variables(), path,
                    "layer \"" + layer.name() + "\""));
        }
        return () -> parts.forEach(Runnable::run);
    }

    private static Runnable prepareNamed(Group group, List<Variable> variables, Path path, String what) {
        String[] names = stringsAttribute(group, "weight_names", path);
        if (names.length != variables.size()) {
            throw new IllegalArgumentException(path + ": " + what + " has " + variables.size() + " weights but the file "
                    + "holds " + names.length + " (" + String.join(", ", names) + ")");
        }
        List<Tensor> values = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int slash = names[i].lastIndexOf('/');
            Group parent = slash < 0 ? group : H5Values.groupOrNull(group, names[i].substring(0, slash), path);
            if (parent == null) {
                throw new IllegalArgumentException(path + ": " + group.getPath() + names[i] + " (" + what + ") is missing");
            }
            Variable v = variables.get(i);
            values.add(H5Values.read(parent, names[i].substring(slash + 1), v.shape(), v.dtype(), path,
                    "weight " + names[i] + " of " + what));
        }
        return () -> {
            for (int i = 0; i < values.size(); i++) {
                variables.get(i).assign(values.get(i));
            }
        };
    }

    private static String stringAttribute(io.jhdf.api.Node node, String name, Path path) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return null;
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] arr && arr.length == 1) {
            return arr[0];
        }
        throw new IllegalArgumentException(path + ": attribute " + name + " of " + node.getPath() + " is not a string");
    }

    /** A list-of-strings attribute; missing means empty, as Keras' {@code load_attributes_from_hdf5_group} reads it. */
    static String[] stringsAttribute(io.jhdf.api.Node node, String name, Path path) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return new String[0];
        }
        Object data = a.getData();
        if (data instanceof String[] arr) {
            return arr;
        }
        if (data instanceof String s) {
            return new String[] {s};
        }
        if (a.getSize() == 0 || data == null || data.getClass().isArray() && java.lang.reflect.Array.getLength(data) == 0) {
            return new String[0]; // h5py stores Keras' empty list as a float64 array: `weight_names` of an InputLayer
        }
        throw new IllegalArgumentException(path + ": attribute " + name + " of " + node.getPath() + " is not a list of strings");
    }

    /** Keras' {@code model.to_json()} (Keras 3 schema). */
    public static String toJson(Model model) {
        return PyJson.write(ModelConfigs.serialize(model, Format.KERAS3));
    }

    /** Keras' {@code model_from_json}: either schema; the model is built but not compiled. */
    public static Model fromJson(String json) {
        Map<String, Object> config = PyJson.readObject(json, "modelFromJson");
        return ModelConfigs.deserialize(config, "modelFromJson");
    }
}
