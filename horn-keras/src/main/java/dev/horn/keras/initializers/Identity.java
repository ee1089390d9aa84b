package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/** Keras' {@code Identity}: {@code gain} times the identity matrix, ones on the main diagonal of a (rows, cols) matrix. */
public final class Identity implements Initializer {
    private final double gain;

    public Identity(double gain) {
        this.gain = gain;
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        Initializers.requireFloat(name(), shape, dtype);
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D matrices. Received: shape="
                    + shape + " of rank " + shape.rank());
        }
        Tensor eye = tf.eye(shape.dim(0), shape.dim(1), dtype);
        return gain == 1 ? eye : Initializers.eagerly(() -> eye.mul(gain));
    }

    @Override
    public String name() {
        return "identity";
    }

    public double gain() {
        return gain;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("gain", gain);
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
