package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.TensorSpec;

/** Checks shared by ops' shape rules; each message names the op and what it received. */
public final class ShapeRules {
    private ShapeRules() {}

    public static void arity(String op, TensorSpec[] inputs, int expected) {
        if (inputs.length != expected) {
            throw new IllegalArgumentException(op + ": expected " + expected + " input(s), got " + inputs.length);
        }
    }

    /** The broadcast shape of two inputs, or an error naming both shapes. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        Shape out = Shape.broadcast(a, b);
        if (out == null) {
            throw new IllegalArgumentException(op + ": incompatible shapes " + a + " and " + b
                    + ": they do not broadcast");
        }
        return out;
    }

    public static void sameDType(String op, TensorSpec a, TensorSpec b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ: " + a.dtype() + " and " + b.dtype()
                    + " (cast one of them first)");
        }
    }

    public static void floating(String op, TensorSpec t) {
        if (!t.dtype().isFloating()) {
            throw new IllegalArgumentException(op + ": expected a float32 or float64 tensor, got " + t.dtype());
        }
    }

    public static void numeric(String op, TensorSpec t) {
        if (!t.dtype().isNumeric()) {
            throw new IllegalArgumentException(op + ": expected a numeric tensor, got " + t.dtype());
        }
    }

    public static void dtype(String op, TensorSpec t, DType expected) {
        if (t.dtype() != expected) {
            throw new IllegalArgumentException(op + ": expected a " + expected + " tensor, got " + t.dtype());
        }
    }

    /**
     * A bias added along the output's last axis: rank 1, {@code columns} long where both are
     * known, else an error naming the op, what the columns are and the bias received.
     */
    public static void bias(String op, Shape bias, int columns, String columnsAre) {
        if (bias.rank() != 1 || (bias.dim(0) != columns && bias.dim(0) != Shape.UNKNOWN && columns != Shape.UNKNOWN)) {
            throw new IllegalArgumentException(op + ": bias must have shape [" + columns + "] (" + columnsAre + "), got "
                    + bias);
        }
    }

    /** Normalises axes (negative = from the end), rejecting out-of-range and repeated ones. */
    public static int[] axes(String op, int[] axes, int rank) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) {
                throw new IllegalArgumentException(op + ": axis " + axes[i] + " is out of range for a tensor of rank "
                        + rank + " (valid: " + (-rank) + ".." + (rank - 1) + ")");
            }
            if (seen[a]) {
                throw new IllegalArgumentException(op + ": axis " + axes[i] + " is repeated");
            }
            seen[a] = true;
            out[i] = a;
        }
        return out;
    }
}
