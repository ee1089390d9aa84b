package dev.horn;

/** What an op's shape rule says about one tensor: its dtype and shape, no values. */
public record TensorSpec(DType dtype, Shape shape) {
    public static TensorSpec of(DType dtype, int... dims) {
        return new TensorSpec(dtype, Shape.of(dims));
    }

    @Override
    public String toString() {
        return dtype + shape.toString();
    }
}
