package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Constant}, {@code Zeros} and {@code Ones}: every element the same value, in any
 * numeric or bool dtype. The result owns its storage (not a broadcast view of one element),
 * as a weight's starting value should.
 */
public final class Constant implements Initializer {
    private final String name;
    private final double value;

    /** Keras' {@code Constant(value)}. */
    public Constant(double value) {
        this("constant", value);
    }

    private Constant(String name, double value) {
        this.name = name;
        this.value = value;
    }

    static Constant zeros() {
        return new Constant("zeros", 0);
    }

    static Constant ones() {
        return new Constant("ones", 1);
    }

    @Override
    public Tensor apply(Shape shape, DType dtype) {
        if (dtype == DType.STRING) {
            throw new IllegalArgumentException(name + ": expected a numeric or bool dtype, got string");
        }
        Initializers.requireDefined(name, shape);
        return tf.fill(value, dtype, shape.dims()).compact();
    }

    @Override
    public String name() {
        return name;
    }

    public double value() {
        return value;
    }

    /** Zeros and Ones have no arguments; Constant has its value. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (name.equals("constant")) {
            config.put("value", value);
        }
        return config;
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
