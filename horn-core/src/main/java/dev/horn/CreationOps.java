package dev.horn;

import dev.horn.internal.cpu.HeapArrays;

/** Tensors made from nothing: constants, zeros, ones, fill, eye, range, linspace. Part of {@link Tf}. */
public interface CreationOps {
    default Tensor constant(float[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(double[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(Object nestedArray) { return Tensor.of(nestedArray); }
    default Tensor constant(double value, DType dtype) { return Tensor.scalar(dtype, value); }

    default Tensor zeros(int... shape) { return zeros(DType.FLOAT32, shape); }
    default Tensor zeros(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        return Tensor.wrap(dtype, s, HeapArrays.newArray(dtype, s.size()));
    }
    default Tensor ones(int... shape) { return fill(1, DType.FLOAT32, shape); }
    default Tensor ones(DType dtype, int... shape) { return fill(1, dtype, shape); }

    /** A tensor of {@code shape} whose every element is {@code value}: one stored element, broadcast. */
    default Tensor fill(double value, DType dtype, int... shape) {
        Tensor one = Tensor.scalar(dtype, value);
        Shape s = Shape.of(shape);
        return one.view(s, 0, new int[s.rank()]);
    }
    default Tensor zerosLike(Tensor x) { return zeros(x.dtype(), x.shape().dims()); }
    default Tensor onesLike(Tensor x) { return fill(1, x.dtype(), x.shape().dims()); }
    default Tensor zeros(Shape shape) { return zeros(DType.FLOAT32, shape.dims()); }
    default Tensor ones(Shape shape) { return ones(DType.FLOAT32, shape.dims()); }

    /** The n x n identity matrix, float32. */
    default Tensor eye(int n) { return eye(n, n, DType.FLOAT32); }

    /** A rows x cols matrix with ones on the main diagonal. */
    default Tensor eye(int rows, int cols, DType dtype) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("eye: sizes must be >= 0, got " + rows + " x " + cols);
        }
        double[] v = new double[rows * cols];
        for (int i = 0; i < Math.min(rows, cols); i++) {
            v[i * cols + i] = 1;
        }
        return Tf.tf.cast(Tensor.of(v, rows, cols), dtype);
    }

    /** start, start + delta, ... up to but excluding limit (tf.range); int32 for int arguments. */
    default Tensor range(int start, int limit, int delta) {
        int n = rangeLength(start, limit, delta);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * delta;
        }
        return Tensor.of(v, n);
    }
    default Tensor range(int limit) { return range(0, limit, 1); }

    /** The floating version of range, in the given dtype (float32 as TensorFlow's default). */
    default Tensor range(double start, double limit, double delta, DType dtype) {
        int n = rangeLength(start, limit, delta);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * delta;
        }
        return Tf.tf.cast(Tensor.of(v, n), dtype);
    }

    private static int rangeLength(double start, double limit, double delta) {
        if (delta == 0) {
            throw new IllegalArgumentException("range: delta must not be 0");
        }
        return (int) Math.max(0, Math.ceil((limit - start) / delta));
    }

    /** num evenly spaced values from start to stop, both included (tf.linspace), float32. */
    default Tensor linspace(double start, double stop, int num) {
        if (num < 1) {
            throw new IllegalArgumentException("linspace: num must be >= 1, got " + num);
        }
        float[] v = new float[num];
        double step = num == 1 ? 0 : (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            v[i] = (float) (i == num - 1 && num > 1 ? stop : start + i * step);
        }
        return Tensor.of(v, num);
    }
}
