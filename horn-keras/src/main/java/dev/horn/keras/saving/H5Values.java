package dev.horn.keras.saving;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;

import static dev.horn.Tf.tf;

/**
 * Tensors to and from HDF5 datasets (jhdf), and reading groups with errors that name the file
 * and the path. A dataset is read only after its declared shape matched what the model expects,
 * so a hostile file cannot make Horn allocate what it declares.
 */
final class H5Values {
    private H5Values() {}

    /** The value as a nested Java array of its rank (what jhdf writes); scalars as rank-0 datasets. */
    static Object nested(Tensor t) {
        Object flat = switch (t.dtype()) {
            case FLOAT64 -> t.toDoubleArray();
            case INT32 -> t.toIntArray();
            case INT64 -> t.toLongArray();
            default -> t.toFloatArray();
        };
        if (t.rank() == 0) {
            return Array.get(flat, 0);
        }
        int[] dims = t.shape().dims();
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

    /** The group at {@code path} under root, or null when absent. */
    static Group groupOrNull(Group root, String path, Path file) {
        Node node = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(node instanceof Group g)) {
                return null;
            }
            node = g.getChildren().get(part);
            if (node == null) {
                return null;
            }
        }
        if (!(node instanceof Group g)) {
            throw new IllegalArgumentException(file + ": " + path + " is a dataset, expected a group");
        }
        return g;
    }

    /** The dataset {@code name} of a group, its shape checked against the expected one, as a tensor of dtype. */
    static Tensor read(Group group, String name, Shape expected, DType dtype, Path file, String what) {
        Node node = group.getChildren().get(name);
        if (!(node instanceof Dataset dataset)) {
            throw new IllegalArgumentException(file + ": " + group.getPath() + name + " (" + what + ") is missing");
        }
        Shape found = Shape.of(dataset.getDimensions());
        if (!found.equals(expected)) {
            throw new IllegalArgumentException(file + ": " + what + " has shape " + dev.horn.keras.layers.Shapes.tuple(expected)
                    + " in the model but " + dev.horn.keras.layers.Shapes.tuple(found) + " in the file (" + dataset.getPath() + ")");
        }
        Object data = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        Tensor t = switch (data) {
            case float[] f -> Tensor.of(f, expected.dims());
            case double[] d -> Tensor.of(d, expected.dims());
            case int[] i -> Tensor.of(i, expected.dims());
            case long[] l -> Tensor.of(l, expected.dims());
            case Float f -> Tensor.scalar(f.floatValue());
            case Double d -> Tensor.scalar(d.doubleValue());
            case Integer i -> Tensor.scalar(i.longValue());
            case Long l -> Tensor.scalar(l.longValue());
            default -> throw new IllegalArgumentException(file + ": " + dataset.getPath() + " (" + what + ") holds "
                    + data.getClass().getSimpleName() + "; expected numbers");
        };
        return t.dtype() == dtype ? t : tf.cast(t, dtype);
    }

}
