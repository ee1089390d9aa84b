package dev.horn.keras.layers;

import dev.horn.Shape;

/**
 * Keras' {@code InputSpec} checks: the rank and fixed axis sizes a layer accepts, failing in
 * Keras' words ({@code Input 0 of layer "conv2d" is incompatible with the layer: expected
 * ndim=4, found ndim=3. Full shape received: (None, 28, 28)}).
 */
public final class InputSpec {
    private InputSpec() {}

    public static void requireNdim(Layer layer, Shape shape, int ndim) {
        if (shape.rank() != ndim) {
            throw incompatible(layer, "expected ndim=" + ndim + ", found ndim=" + shape.rank()
                    + ". Full shape received: " + Shapes.tuple(shape));
        }
    }

    public static void requireMinNdim(Layer layer, Shape shape, int minNdim) {
        if (shape.rank() < minNdim) {
            throw incompatible(layer, "expected min_ndim=" + minNdim + ", found ndim=" + shape.rank()
                    + ". Full shape received: " + Shapes.tuple(shape));
        }
    }

    /** The axis (negative counts from the end) must have this size; Keras names the axis as given. */
    public static void requireAxis(Layer layer, Shape shape, int axis, int value) {
        int a = axis < 0 ? shape.rank() + axis : axis;
        if (shape.dim(a) != Shape.UNKNOWN && shape.dim(a) != value) {
            throw incompatible(layer, "expected axis " + axis + " of input shape to have value " + value
                    + ", but received input with shape " + Shapes.tuple(shape));
        }
    }

    /** The axis must be known: channels, features. */
    public static void requireDefined(Layer layer, Shape shape, int axis, String what) {
        int a = axis < 0 ? shape.rank() + axis : axis;
        if (shape.dim(a) == Shape.UNKNOWN) {
            throw new IllegalArgumentException("The " + what + " dimension of the inputs to layer \"" + layer.name()
                    + "\" should be defined. Found None. Full input shape received: " + Shapes.tuple(shape));
        }
    }

    public static IllegalArgumentException incompatible(Layer layer, String detail) {
        return new IllegalArgumentException("Input 0 of layer \"" + layer.name() + "\" is incompatible with the layer: "
                + detail);
    }
}
