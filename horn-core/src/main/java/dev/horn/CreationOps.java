package dev.horn;

import dev.horn.internal.cpu.HeapArrays;
import java.util.Arrays;

/**
 * Tensors made from nothing: constants, zeros, ones, fill, eye, range, linspace. Part of {@link Tf}.
 *
 * <p>{@code fill}, {@code ones} and {@code onesLike} return a broadcast view of one stored
 * element (every stride 0): cheap at any size, and read like any other tensor by every op.
 */
public interface CreationOps {
    default Tensor constant(float[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(double[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(Object nestedArray) { return Tensor.of(nestedArray); }
    default Tensor constant(double value, DType dtype) { return Tensor.scalar(dtype, value); }

    default Tensor zeros(int... shape) { return zeros(DType.FLOAT32, shape); }
    /** With a Shape, as R's shape(): tf.zeros(shape(2, 3)). */
    default Tensor zeros(Shape shape) { return zeros(DType.FLOAT32, shape.dims()); }
    default Tensor ones(Shape shape) { return ones(DType.FLOAT32, shape.dims()); }

    /** Zeros of any dtype: {@code false} for bool, empty strings for string, as TensorFlow. */
    default Tensor zeros(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        Object data = HeapArrays.newArray(dtype, s.size());
        if (dtype == DType.STRING) {
            Arrays.fill((String[]) data, "");
        }
        return Tensor.wrap(dtype, s, data);
    }
    default Tensor ones(int... shape) { return fill(1, DType.FLOAT32, shape); }
    default Tensor ones(DType dtype, int... shape) {
        if (dtype == DType.STRING) {
            throw new IllegalArgumentException("ones: dtype string has no one; expected a numeric or bool dtype");
        }
        return fill(1, dtype, shape);
    }

    /** A tensor of {@code shape} whose every element is {@code value}: one stored element, broadcast. */
    default Tensor fill(double value, DType dtype, int... shape) {
        return broadcastScalar(Tensor.scalar(dtype, value), shape);
    }
    default Tensor fill(float value, int... shape) { return broadcastScalar(Tensor.scalar(value), shape); }
    default Tensor fill(boolean value, int... shape) { return broadcastScalar(Tensor.scalar(value), shape); }
    default Tensor fill(String value, int... shape) {
        return broadcastScalar(Tensor.wrap(DType.STRING, Shape.scalar(), new String[] {value}), shape);
    }

    /** {@code tf.fill(dims, value)}: {@code value} is a scalar tensor of any dtype. */
    default Tensor fill(int[] shape, Tensor value) {
        if (value.rank() != 0) {
            throw new IllegalArgumentException("fill: value must be a scalar, got shape " + value.shape());
        }
        return broadcastScalar(value, shape);
    }

    private static Tensor broadcastScalar(Tensor scalar, int[] shape) {
        Shape s = Shape.of(shape);
        return scalar.view(s, scalar.offset(), new int[s.rank()]);
    }

    default Tensor zerosLike(Tensor x) { return zeros(x.dtype(), x.shape().dims()); }
    default Tensor zerosLike(Tensor x, DType dtype) { return zeros(dtype, x.shape().dims()); }
    default Tensor onesLike(Tensor x) { return ones(x.dtype(), x.shape().dims()); }
    default Tensor onesLike(Tensor x, DType dtype) { return ones(dtype, x.shape().dims()); }

    /** The float32 identity matrix of size n x n, {@code tf.eye(n)}. */
    default Tensor eye(int n) { return eye(n, n, DType.FLOAT32); }

    /** A rows x cols matrix with ones on the main diagonal, {@code tf.eye(rows, cols, dtype=...)}. */
    default Tensor eye(int rows, int cols, DType dtype) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("eye: dimensions must be non-negative, got rows=" + rows + ", cols=" + cols);
        }
        if (!dtype.isNumeric() && dtype != DType.BOOL) {
            throw new IllegalArgumentException("eye: expected a numeric or bool dtype, got " + dtype);
        }
        Object data = HeapArrays.newArray(dtype, Math.multiplyExact(rows, cols));
        for (int i = 0; i < Math.min(rows, cols); i++) {
            switch (dtype) {
                case FLOAT32 -> ((float[]) data)[i * cols + i] = 1;
                case FLOAT64 -> ((double[]) data)[i * cols + i] = 1;
                case INT32 -> ((int[]) data)[i * cols + i] = 1;
                case INT64 -> ((long[]) data)[i * cols + i] = 1;
                default -> ((boolean[]) data)[i * cols + i] = true;
            }
        }
        return Tensor.wrap(dtype, Shape.of(rows, cols), data);
    }

    /** {@code tf.range(limit)}: int32 0, 1, ..., limit - 1. */
    default Tensor range(int limit) { return range(0, limit, 1, DType.INT32); }
    default Tensor range(int start, int limit) { return range(start, limit, 1, DType.INT32); }
    default Tensor range(int start, int limit, int delta) { return range(start, limit, delta, DType.INT32); }

    /** With floating arguments TensorFlow infers float32. */
    default Tensor range(double start, double limit, double delta) { return range(start, limit, delta, DType.FLOAT32); }

    /**
     * {@code tf.range(start, limit, delta, dtype)}: start, start + delta, ... up to but excluding
     * limit. Empty when start == limit; delta must be non-zero and point from start towards limit.
     */
    default Tensor range(double start, double limit, double delta, DType dtype) {
        return rangeOf(start, limit, delta, dtype);
    }

    /** {@code tf.linspace(start, stop, num)}: num float32 values from start to stop, both included. */
    default Tensor linspace(double start, double stop, int num) { return linspace(start, stop, num, DType.FLOAT32); }

    default Tensor linspace(double start, double stop, int num, DType dtype) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException("linspace: expected float32 or float64, got " + dtype);
        }
        if (num <= 0) {
            throw new IllegalArgumentException("linspace: requires num > 0, got num=" + num);
        }
        // as TensorFlow's kernel: start + i * step in the dtype's precision, the last value exactly stop
        Object data = HeapArrays.newArray(dtype, num);
        if (dtype == DType.FLOAT32) {
            float[] out = (float[]) data;
            float first = (float) start;
            float step = num > 1 ? ((float) stop - first) / (num - 1) : 0;
            for (int i = 0; i < num; i++) {
                out[i] = first + step * i;
            }
            if (num > 1) {
                out[num - 1] = (float) stop;
            }
        } else {
            double[] out = (double[]) data;
            double step = num > 1 ? (stop - start) / (num - 1) : 0;
            for (int i = 0; i < num; i++) {
                out[i] = start + step * i;
            }
            if (num > 1) {
                out[num - 1] = stop;
            }
        }
        return Tensor.wrap(dtype, Shape.of(num), data);
    }

    private static Tensor rangeOf(double start, double limit, double delta, DType dtype) {
        if (!dtype.isNumeric()) {
            throw new IllegalArgumentException("range: expected a numeric dtype, got " + dtype);
        }
        if (dtype.isInteger()) {
            // integer ranges count in the dtype, as TensorFlow: arguments are converted first
            start = (long) start;
            limit = (long) limit;
            delta = (long) delta;
        }
        if (delta == 0) {
            throw new IllegalArgumentException("range: requires delta != 0, got start=" + fmt(start)
                    + ", limit=" + fmt(limit) + ", delta=0");
        }
        if (delta > 0 ? start > limit : start < limit) {
            throw new IllegalArgumentException("range: requires start " + (delta > 0 ? "<=" : ">=")
                    + " limit when delta " + (delta > 0 ? "> 0" : "< 0") + ", got start=" + fmt(start)
                    + ", limit=" + fmt(limit) + ", delta=" + fmt(delta));
        }
        double count = dtype.isInteger()
                ? Math.floor((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta))
                : Math.ceil(Math.abs((limit - start) / delta));
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range: " + fmt(count) + " elements are more than a tensor can hold");
        }
        int n = (int) count;
        Object data = HeapArrays.newArray(dtype, n);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case FLOAT32 -> ((float[]) data)[i] = (float) start + (float) i * (float) delta;
                case FLOAT64 -> ((double[]) data)[i] = start + i * delta;
                case INT32 -> ((int[]) data)[i] = (int) ((long) start + i * (long) delta);
                default -> ((long[]) data)[i] = (long) start + i * (long) delta;
            }
        }
        return Tensor.wrap(dtype, Shape.of(n), data);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
