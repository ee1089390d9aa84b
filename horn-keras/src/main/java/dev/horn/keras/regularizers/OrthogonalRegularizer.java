package dev.horn.keras.regularizers;

import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code OrthogonalRegularizer}: for a rank-2 weight, {@code factor * 0.5 * sum(|P|) /
 * (size (size - 1) / 2)}, P being the dot products between its L2-normalised rows (mode
 * {@code rows}) or columns (mode {@code columns}) with the diagonal removed. It pushes those
 * rows or columns towards orthogonality.
 */
public final class OrthogonalRegularizer implements Regularizer {
    private final double factor;
    private final String mode;

    public OrthogonalRegularizer(double factor, String mode) {
        this.factor = L1L2.checkPenalty(factor);
        if (!"rows".equals(mode) && !"columns".equals(mode)) {
            throw new IllegalArgumentException("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode="
                    + mode);
        }
        this.mode = mode;
    }

    @Override
    public Tensor apply(Tensor weight) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape == "
                    + weight.shape());
        }
        boolean rows = mode.equals("rows");
        Tensor unit = l2Normalize(weight, rows ? 1 : 0);
        Tensor product = rows ? tf.matmul(unit, unit, false, true) : tf.matmul(unit, unit, true, false);
        int size = weight.shape().dim(rows ? 0 : 1);
        Tensor offDiagonal = product.mul(tf.ones(weight.dtype(), size, size).sub(tf.eye(size, size, weight.dtype())));
        double pairs = size * (size - 1.0) / 2.0;
        return tf.reduceSum(tf.abs(offDiagonal)).mul(factor * 0.5 / pairs);
    }

    /** tf.math.l2_normalize: x / sqrt(max(sum(x^2), 1e-12)) along axis. */
    private static Tensor l2Normalize(Tensor x, int axis) {
        Tensor squares = tf.reduceSum(tf.square(x), new int[] {axis}, true);
        return x.mul(tf.rsqrt(tf.maximum(squares, Tensor.scalar(x.dtype(), 1e-12))));
    }

    @Override
    public String name() {
        return "orthogonal_regularizer";
    }

    public double factor() {
        return factor;
    }

    public String mode() {
        return mode;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("factor", factor);
        config.put("mode", mode);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
