package dev.horn.ops.rnn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.TensorSpec;

/**
 * The shape rule the recurrent ops share: an input projection {@code [batch, time, gates * units]},
 * a recurrent kernel {@code [units, gates * units]}, states {@code [batch, units]} and a mask
 * {@code [batch, time]}, all float32. Unknown dimensions (symbolic batch) pass.
 */
final class RecurrentShapes {
    private RecurrentShapes() {}

    /** Checks the projection and the kernel; returns units. */
    static int units(String op, TensorSpec projection, TensorSpec kernel, int gates) {
        float32(op, "input projection", projection);
        float32(op, "recurrent kernel", kernel);
        if (projection.shape().rank() != 3) {
            throw new IllegalArgumentException(op + ": the input projection must be [batch, time, " + gates
                    + " * units], got shape " + projection.shape());
        }
        Shape k = kernel.shape();
        if (k.rank() != 2 || k.dim(0) == Shape.UNKNOWN || k.dim(1) != gates * k.dim(0)) {
            throw new IllegalArgumentException(op + ": the recurrent kernel must be [units, " + gates
                    + " * units], got shape " + k);
        }
        int units = k.dim(0);
        int last = projection.shape().dim(2);
        if (last != Shape.UNKNOWN && last != gates * units) {
            throw new IllegalArgumentException(op + ": the input projection's last axis must be " + gates + " * units = "
                    + gates * units + " to match the recurrent kernel " + k + ", got shape " + projection.shape());
        }
        return units;
    }

    /** Checks a [batch, width] tensor against the projection's batch. */
    static void rows(String op, String what, TensorSpec t, TensorSpec projection, int width) {
        float32(op, what, t);
        Shape s = t.shape();
        int batch = projection.shape().dim(0);
        if (s.rank() != 2 || !agree(s.dim(0), batch) || !agree(s.dim(1), width)) {
            throw new IllegalArgumentException(op + ": " + what + " must be [batch, " + width + "] = ["
                    + dim(batch) + ", " + width + "], got shape " + s);
        }
    }

    static void mask(String op, TensorSpec mask, TensorSpec projection) {
        float32(op, "mask", mask);
        Shape s = mask.shape();
        Shape p = projection.shape();
        if (s.rank() != 2 || !agree(s.dim(0), p.dim(0)) || !agree(s.dim(1), p.dim(1))) {
            throw new IllegalArgumentException(op + ": the mask must be [batch, time] = [" + dim(p.dim(0)) + ", "
                    + dim(p.dim(1)) + "], got shape " + s);
        }
    }

    /** A float32 spec of [batch, time, width] with the projection's batch and time. */
    static TensorSpec sequence(TensorSpec projection, int width) {
        Shape p = projection.shape();
        return new TensorSpec(DType.FLOAT32, Shape.of(p.dim(0), p.dim(1), width));
    }

    static void float32(String op, String what, TensorSpec t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": " + what + " must be float32, got " + t.dtype());
        }
    }

    private static boolean agree(int a, int b) {
        return a == b || a == Shape.UNKNOWN || b == Shape.UNKNOWN;
    }

    private static String dim(int d) {
        return d == Shape.UNKNOWN ? "?" : Integer.toString(d);
    }
}
