package dev.horn;

import java.util.Arrays;

/**
 * The dimensions of a tensor, row-major. Immutable. A rank-0 shape is a scalar.
 *
 * <p>A dimension of {@code -1} means "unknown" (the batch dimension of a symbolic tensor);
 * concrete tensors always have known dimensions.
 */
public final class Shape {
    public static final int UNKNOWN = -1;
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < UNKNOWN) {
                throw new IllegalArgumentException("negative dimension " + d + " in shape " + Arrays.toString(dims));
            }
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** Same as {@link #of}, named as R's {@code shape()} for a static import: {@code tf.zeros(shape(2, 3))}. */
    public static Shape shape(int... dims) {
        return of(dims);
    }

    public static Shape scalar() {
        return SCALAR;
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            if (d == UNKNOWN) {
                throw new IllegalStateException("shape " + this + " has an unknown dimension");
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " has " + n + " elements, more than a tensor can hold");
        }
        return (int) n;
    }

    public boolean isFullyDefined() {
        for (int d : dims) {
            if (d == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= dims[i];
        }
        return s;
    }

    /** Maps a possibly negative axis (-1 = last) to 0..rank-1, or throws naming the axis and rank. */
    public int normalizeAxis(int axis) {
        return normalizeAxis(axis, dims.length);
    }

    public static int normalizeAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank
                    + " (valid: " + (-rank) + ".." + (rank - 1) + ")");
        }
        return a;
    }

    /** The numpy broadcast of two shapes, or null when they do not broadcast. */
    public static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else if (da == UNKNOWN || db == UNKNOWN) {
                out[i] = da == UNKNOWN ? db : da;
            } else {
                return null;
            }
        }
        return new Shape(out);
    }

    public Shape withDim(int axis, int value) {
        int[] d = dims.clone();
        d[normalizeAxis(axis)] = value;
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Prints like TensorFlow: {@code [128, 784]}, unknown dimensions as {@code None}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(dims[i] == UNKNOWN ? "None" : Integer.toString(dims[i]));
        }
        return sb.append(']').toString();
    }
}
