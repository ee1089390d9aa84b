package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code Orthogonal}: {@code gain} times an orthogonal matrix, the Q of the QR
 * decomposition of a standard-normal matrix with R's diagonal made positive (Saxe et al., 2014).
 * A shape (d0, ..., dn-2, dn-1) is first flattened to (d0 ... dn-2, dn-1); if it has fewer rows
 * than columns the rows are orthonormal, otherwise the columns are.
 */
public final class Orthogonal implements Initializer {
    private final double gain;
    private final Long seed;

    /** {@code seed} may be null: then each call draws new values from the global stream. */
    public Orthogonal(double gain, Long seed) {
        this.gain = gain;
        this.seed = seed;
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name(), shape, dtype);
        if (shape.rank() < 2) {
            throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: shape="
                    + shape + " of rank " + shape.rank());
        }
        int cols = shape.dim(shape.rank() - 1);
        int rows = 1;
        for (int i = 0; i < shape.rank() - 1; i++) {
            rows *= shape.dim(i);
        }
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        double[] a = Draws.normal(Shape.of(m, n), dtype, 0, 1, seed).toDoubleArray();
        double[][] q = HouseholderQr.orthonormalColumns(a, m, n);
        double[] w = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // q is column-major: q[j][i] is Q's row i, column j; wide shapes take Q transposed
                w[r * cols + c] = gain * (rows >= cols ? q[c][r] : q[r][c]);
            }
        }
        Tensor result = Tensor.of(w, shape.dims());
        return dtype == DType.FLOAT64 ? result : Initializers.eagerly(() -> result.cast(dtype));
    }

    @Override
    public String name() {
        return "orthogonal";
    }

    public double gain() {
        return gain;
    }

    public Long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("gain", gain);
        config.put("seed", seed);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
