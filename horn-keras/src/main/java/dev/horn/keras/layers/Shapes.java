package dev.horn.keras.layers;

import dev.horn.Shape;
import java.util.StringJoiner;

/** Shapes as Keras prints them: Python tuples with {@code None} for unknown axes, {@code (None, 784)}. */
public final class Shapes {
    private Shapes() {}

    public static String tuple(Shape shape) {
        int[] dims = shape.dims();
        if (dims.length == 1) {
            return "(" + dim(dims[0]) + ",)";
        }
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int d : dims) {
            j.add(dim(d));
        }
        return j.toString();
    }

    private static String dim(int d) {
        return d == Shape.UNKNOWN ? "None" : Integer.toString(d);
    }

    /** The shape with its first (batch) axis unknown. */
    public static Shape withUnknownBatch(Shape shape) {
        return shape.rank() == 0 ? shape : shape.withDim(0, Shape.UNKNOWN);
    }
}
