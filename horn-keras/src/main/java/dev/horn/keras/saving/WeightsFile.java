package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.layers.Bidirectional;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Recurrent;
import dev.horn.keras.layers.TimeDistributed;
import dev.horn.keras.layers.UniqueNames;
import dev.horn.keras.models.Model;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's state in the layout of Keras 3's {@code .weights.h5} (also {@code model.weights.h5}
 * inside a {@code .keras} file): a group per saveable, {@code <path>/vars/<i>}, one dataset per
 * variable in Keras' order and a {@code name} attribute on each {@code vars} group, as Keras 3.10
 * writes them, except that a saveable without variables gets no group (see {@link #write}). The
 * paths: {@code vars} for the model itself, {@code layers/<key>} for each layer and
 * {@code optimizer} for the optimizer's iteration count, learning rate and slots.
 * As in Keras the layer key is the class in snake case, numbered within the model
 * ({@code dense}, {@code dense_1}, ...), not the layer's name, so weights load into a rebuilt
 * model whose layers got other default names.
 * Saving is atomic; loading checks every group and shape before it assigns anything, so a file
 * that does not fit leaves the model as it was.
 */
public final class WeightsFile {
    /** One saveable: its group path, the name Keras records, its variables in order. */
    record Entry(String path, String name, List<Variable> variables) {}

    private WeightsFile() {}

    /** Saves the layers' weights and, once compiled, the optimizer's state. */
    public static void save(Model model, Path path) {
        List<Entry> entries = entries(model, model.isCompiled());
        AtomicFiles.write(path, tmp -> {
            try (WritableHdfFile file = HdfFile.write(tmp)) {
                write(file, entries);
            }
            checkReadable(tmp);
        });
    }

    /**
     * Loads weights saved by {@link #save} or by Keras 3 and, as Keras 3's {@code load_weights},
     * the optimizer's state when the model is compiled and the file holds one that fits (one that
     * does not is skipped with a warning).
     */
    public static void load(Model model, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("loadWeights: no such file: " + path);
        }
        KerasArchive.loadState(model, path, path.toString(), false);
    }

    /**
     * Restores layers and optimizer state saved by {@link #save} into this (built, compiled)
     * model, creating the optimizer's slots first; nothing changes unless everything fits.
     */
    public static void restoreTrainingState(Model model, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("restore: no such file: " + path);
        }
        KerasArchive.loadState(model, path, path.toString(), true);
    }

    /** The model's saveables in Keras 3's order: the model, its layers, then (if asked) the optimizer. */
    static List<Entry> entries(Model model, boolean withOptimizer) {
        return entries(model, withOptimizer, false);
    }

    /**
     * {@code keras213}: the paths of a Keras 2.13 file, whose saving walked the model's
     * {@code _layer_checkpoint_dependencies}, which lists each layer with weights twice
     * ({@code layer_with_weights-i} and {@code layer-j}): such a layer takes two numbers of its
     * class ({@code dense}, then {@code dense_2}), as the files Keras 2.13 wrote show.
     */
    static List<Entry> entries(Model model, boolean withOptimizer, boolean keras213) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("", model.name(), List.of()));
        addLayers(model, "", keras213, out);
        if (withOptimizer) {
            out.add(new Entry("optimizer", model.optimizer().name(),
                    OptimizerVariables.kerasOrder(model.optimizer(), model.trainableVariables())));
        }
        return out;
    }

    /** {@code layers/<key>}, and for a nested model its own layers below it, as Keras' saving_lib walks them. */
    private static void addLayers(Model model, String prefix, boolean keras213, List<Entry> out) {
        Map<String, Integer> used = new HashMap<>();
        for (Layer layer : model.layers()) {
            String base = UniqueNames.snakeCase(layer.className());
            int step = keras213 && !layer.variables().isEmpty() ? 2 : 1;
            int n = used.merge(base, step, Integer::sum) - step;
            String path = prefix + (keras213 ? "_layer_checkpoint_dependencies/" : "layers/") + (n == 0 ? base : base + "_" + n);
            if (layer instanceof Model nested) {
                out.add(new Entry(path, nested.name(), List.of()));
                addLayers(nested, path + "/", keras213, out);
            } else {
                addLayer(layer, path, out);
            }
        }
    }

    /**
     * One layer's groups as Keras 3 nests them: a recurrent layer keeps its weights in its
     * {@code cell}, Bidirectional in {@code forward_layer} and {@code backward_layer},
     * TimeDistributed in {@code layer}; the outer layer's own {@code vars} stays empty.
     */
    private static void addLayer(Layer layer, String path, List<Entry> out) {
        switch (layer) {
            case Recurrent<?> r -> {
                out.add(new Entry(path, r.name(), List.of()));
                out.add(new Entry(path + "/cell", UniqueNames.snakeCase(r.className()) + "_cell", r.variables()));
            }
            case Bidirectional b -> {
                out.add(new Entry(path, b.name(), List.of()));
                addLayer(b.forwardLayer(), path + "/forward_layer", out);
                addLayer(b.backwardLayer(), path + "/backward_layer", out);
            }
            case TimeDistributed t -> {
                out.add(new Entry(path, t.name(), List.of()));
                addLayer(t.layer(), path + "/layer", out);
            }
            default -> out.add(new Entry(path, layer.name(), layer.variables()));
        }
    }

    static void write(WritableHdfFile file, List<Entry> entries) {
        for (Entry e : entries) {
            if (e.variables().isEmpty()) {
                // Keras writes an empty `vars` group (with its `name`) for a saveable without
                // variables too. jhdf 0.9.4 and later append their signature at the file channel's
                // position, the end of the last dataset written (WritableHdfFile.flush), which
                // overwrites any group written after that dataset; groups without datasets are
                // such groups. Keras' H5IOStore.get reads a missing group as empty, so none is written.
                continue;
            }
            WritableGroup group = file;
            for (String part : e.path().split("/")) {
                if (!part.isEmpty()) {
                    group = group.getChild(part) instanceof WritableGroup existing ? existing : group.putGroup(part);
                }
            }
            WritableGroup vars = group.putGroup("vars");
            vars.putAttribute("name", e.name());
            for (int i = 0; i < e.variables().size(); i++) {
                vars.putDataset(Integer.toString(i), H5Values.nested(e.variables().get(i).storedValue()));
            }
        }
    }

    /**
     * Reads a written file back whole, so that a file jhdf wrote wrong fails the save (before
     * the atomic move) instead of a later load.
     */
    static void checkReadable(Path file) {
        try (HdfFile h5 = new HdfFile(file)) {
            walk(h5);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the HDF5 library wrote a file it cannot read back (" + e.getMessage()
                    + "); nothing was saved", e);
        }
    }

    private static void walk(Group group) {
        for (io.jhdf.api.Node n : group.getChildren().values()) {
            if (n instanceof Group g) {
                walk(g);
            } else if (n instanceof io.jhdf.api.Dataset d) {
                d.getData();
            }
        }
    }

    /**
     * Reads every entry's values from the file and checks their count and shapes; returns the
     * assignment, to run once everything else that is loaded has been checked too. A missing
     * group is fine for a saveable without variables, as in Keras.
     */
    static Runnable prepare(Group root, List<Entry> entries, Path file) {
        List<Variable> targets = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        for (Entry e : entries) {
            String groupPath = e.path().isEmpty() ? "vars" : e.path() + "/vars";
            Group vars = varsGroup(root, e.path(), file);
            int found = vars == null ? 0 : vars.getChildren().size();
            if (found != e.variables().size()) {
                throw new IllegalArgumentException(file + ": " + describe(e) + " has " + e.variables().size()
                        + " variables but the file holds " + found + " under " + groupPath
                        + (vars == null ? " (the group is missing; it holds " + root.getChildren().keySet() + ")" : ""));
            }
            for (int i = 0; i < e.variables().size(); i++) {
                Variable v = e.variables().get(i);
                values.add(H5Values.read(vars, Integer.toString(i), v.shape(), v.dtype(), file,
                        "variable " + v.name() + " of " + describe(e)));
                targets.add(v);
            }
        }
        return () -> {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).assign(values.get(i));
            }
        };
    }

    /** Whether the file was written by Keras 2.13 (see {@link #entries(Model, boolean, boolean)}). */
    static boolean isKeras213(Group root) {
        return root.getChildren().keySet().stream().anyMatch(k -> k.startsWith("_layer_checkpoint_dependencies"));
    }

    /**
     * A saveable's {@code vars} group. Keras 2.13 to 2.15 on Windows joined the inner path with
     * {@code os.path.join}, so there {@code layers\dense} is one group name.
     */
    private static Group varsGroup(Group root, String path, Path file) {
        if (path.isEmpty()) {
            return H5Values.groupOrNull(root, "vars", file);
        }
        for (String candidate : List.of(path, path.replace('/', '\\'))) {
            Group owner = !candidate.contains("\\") ? H5Values.groupOrNull(root, candidate, file)
                    : root.getChildren().get(candidate) instanceof Group g ? g : null;
            if (owner != null && owner.getChildren().get("vars") instanceof Group vars) {
                return vars;
            }
        }
        return null;
    }

    private static String describe(Entry e) {
        return e.path().equals("optimizer") ? "optimizer \"" + e.name() + "\""
                : e.path().isEmpty() ? "model \"" + e.name() + "\"" : "layer \"" + e.name() + "\"";
    }
}
