package dev.horn.keras.layers.merging;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Joins its inputs along one axis (Keras' {@code Concatenate}, default the last axis); every
 * other axis must match.
 */
public final class Concatenate extends Merge<Concatenate> {
    private int axis = -1;

    public Concatenate axis(int value) {
        axis = value;
        return this;
    }

    public int axis() {
        return axis;
    }

    private int axisFor(int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("Concatenate layer \"" + name() + "\": axis " + axis
                    + " is out of range for inputs of rank " + rank);
        }
        return a;
    }

    @Override
    protected void checkMergeShapes(List<Shape> shapes) {
        computeOutputShapes(shapes);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> shapes) {
        int rank = shapes.getFirst().rank();
        int[] out = shapes.getFirst().dims();
        boolean ok = true;
        for (Shape s : shapes) {
            ok &= s.rank() == rank;
        }
        int a = ok ? axisFor(rank) : 0;
        for (int i = 1; ok && i < shapes.size(); i++) {
            int[] d = shapes.get(i).dims();
            for (int k = 0; k < rank; k++) {
                if (k == a) {
                    out[k] = out[k] == Shape.UNKNOWN || d[k] == Shape.UNKNOWN ? Shape.UNKNOWN : out[k] + d[k];
                } else if (out[k] == Shape.UNKNOWN) {
                    out[k] = d[k];
                } else if (d[k] != Shape.UNKNOWN && d[k] != out[k]) {
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("A `Concatenate` layer requires inputs with matching shapes except for "
                    + "the concat axis. Got inputs shapes: " + describe(shapes) + " (layer \"" + name() + "\", axis "
                    + axis + ")");
        }
        return List.of(Shape.of(out));
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return tf.concat(inputs, axisFor(inputs.getFirst().rank()));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("axis", axis);
        return config;
    }
}
