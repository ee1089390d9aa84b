package dev.horn.keras.saving;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.models.Model;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's weights in the layout of Keras 3's {@code .weights.h5}: a group per layer,
 * {@code layers/<key>/vars/<i>}, one dataset per weight in the layer's order. As in Keras 3 the
 * key is the layer's class in snake case, numbered within the model ({@code dense},
 * {@code dense_1}, ...), not its name, so weights load into a rebuilt model whose layers got
 * other default names.
 * Saving is atomic; loading checks every layer and shape before it changes anything, so a
 * file that does not fit leaves the model as it was.
 */
public final class WeightsFile {
    private WeightsFile() {}

    public static void save(Model model, Path path) {
        AtomicFiles.write(path, tmp -> {
            try (WritableHdfFile file = HdfFile.write(tmp)) {
                // jhdf 0.9 cannot write an empty group, so layers without weights get none (Keras
                // writes an empty layers/<name>/vars and a top-level vars; readers treat both alike)
                WritableGroup layers = file.putGroup("layers");
                List<String> keys = keys(model);
                for (int l = 0; l < keys.size(); l++) {
                    Layer layer = model.layers().get(l);
                    List<Variable> weights = layer.variables();
                    if (weights.isEmpty()) {
                        continue;
                    }
                    WritableGroup vars = layers.putGroup(keys.get(l)).putGroup("vars");
                    for (int i = 0; i < weights.size(); i++) {
                        vars.putDataset(Integer.toString(i), nested(weights.get(i).storedValue()));
                    }
                }
            }
        });
    }

    public static void load(Model model, Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("loadWeights: no such file: " + path);
        }
        List<List<Tensor>> values = new ArrayList<>();
        try (HdfFile file = new HdfFile(path)) {
            Group layers = group(file, "layers", path);
            List<String> keys = keys(model);
            for (int l = 0; l < keys.size(); l++) {
                Layer layer = model.layers().get(l);
                List<Variable> weights = layer.variables();
                Node node = layers.getChild(keys.get(l));
                if (node == null) {
                    if (weights.isEmpty()) {
                        values.add(List.of());
                        continue;
                    }
                    throw new IllegalArgumentException("loadWeights: " + path + " has no weights for layer \""
                            + layer.name() + "\" (looked for layers/" + keys.get(l) + "; it holds " + layers.getChildren().keySet() + ")");
                }
                Group vars = group((Group) node, "vars", path);
                if (vars.getChildren().size() != weights.size()) {
                    throw new IllegalArgumentException("loadWeights: layer \"" + layer.name() + "\" expects "
                            + weights.size() + " weights but " + path + " holds " + vars.getChildren().size());
                }
                List<Tensor> layerValues = new ArrayList<>();
                for (int i = 0; i < weights.size(); i++) {
                    Node d = vars.getChild(Integer.toString(i));
                    if (!(d instanceof Dataset dataset)) {
                        throw new IllegalArgumentException("loadWeights: " + path + ": layers/" + layer.name() + "/vars/"
                                + i + " is missing");
                    }
                    Shape expected = weights.get(i).shape();
                    Shape found = Shape.of(dataset.getDimensions());
                    if (!found.equals(expected)) {
                        throw new IllegalArgumentException("loadWeights: " + path + ": weight " + weights.get(i).name()
                                + " of layer \"" + layer.name() + "\" has shape " + expected + " but the file holds "
                                + found);
                    }
                    layerValues.add(tensor(dataset.getDataFlat(), found, weights.get(i).dtype(), path));
                }
                values.add(layerValues);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("loadWeights: " + path + " is not a readable weights file: " + e.getMessage(), e);
        }
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (!values.get(i).isEmpty()) {
                layers.get(i).setWeights(values.get(i));
            }
        }
    }

    /** Keras 3's container keys: snake-cased class names, numbered from the second of a kind. */
    private static List<String> keys(Model model) {
        java.util.Map<String, Integer> used = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Layer layer : model.layers()) {
            String base = dev.horn.keras.layers.UniqueNames.snakeCase(layer.className());
            int n = used.merge(base, 1, Integer::sum) - 1;
            keys.add(n == 0 ? base : base + "_" + n);
        }
        return keys;
    }

    private static Group group(Group parent, String name, Path path) {
        Node n = parent.getChild(name);
        if (!(n instanceof Group g)) {
            throw new IllegalArgumentException("loadWeights: " + path + " has no group \"" + name + "\" under "
                    + parent.getPath() + "; it is not a Keras .weights.h5 file");
        }
        return g;
    }

    /** The value as a nested Java array of its rank (what the HDF5 writer takes); scalars as 1-element arrays. */
    private static Object nested(Tensor t) {
        int[] dims = t.rank() == 0 ? new int[] {1} : t.shape().dims();
        Object flat = switch (t.dtype()) {
            case FLOAT64 -> t.toDoubleArray();
            case INT32 -> t.toIntArray();
            case INT64 -> t.toLongArray();
            default -> t.toFloatArray();
        };
        if (dims.length == 1) {
            return flat;
        }
        Object out = Array.newInstance(flat.getClass().getComponentType(), dims);
        int rowLength = dims[dims.length - 1];
        int rows = Array.getLength(flat) / Math.max(1, rowLength);
        for (int r = 0; r < rows; r++) {
            Object row = out;
            int rest = r;
            for (int axis = 0; axis < dims.length - 1; axis++) {
                int stride = 1;
                for (int k = axis + 1; k < dims.length - 1; k++) {
                    stride *= dims[k];
                }
                row = Array.get(row, rest / stride);
                rest %= stride;
            }
            System.arraycopy(flat, r * rowLength, row, 0, rowLength);
        }
        return out;
    }

    private static Tensor tensor(Object flat, Shape shape, DType dtype, Path path) {
        Tensor t = switch (flat) {
            case float[] f -> Tensor.of(f, shape.dims());
            case double[] d -> Tensor.of(d, shape.dims());
            case int[] i -> Tensor.of(i, shape.dims());
            case long[] l -> Tensor.of(l, shape.dims());
            default -> throw new IllegalArgumentException("loadWeights: " + path + " holds a dataset of type "
                    + flat.getClass().getSimpleName() + "; expected numbers");
        };
        return t.dtype() == dtype ? t : dev.horn.Tf.tf.cast(t, dtype);
    }
}
