package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Keras' {@code Cropping2D}: rows and columns cut from the edges of each image (a view). */
public final class Cropping2D extends ImageMargins<Cropping2D> {
    public Cropping2D() {
        super("cropping", -1, 0);
    }

    /** One number (all sides), two (rows, cols from both sides) or four (top, bottom, left, right). */
    public Cropping2D cropping(int... values) {
        return setMargins(values);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        super.checkInputShape(inputShape);
        for (int i = 0; i < 2; i++) {
            int d = inputShape.dim(axis(i));
            if (d != Shape.UNKNOWN && margins[i][0] + margins[i][1] >= d) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": cropping " + Tuples.list(margins)
                        + " leaves nothing of an input of shape " + Shapes.tuple(inputShape));
            }
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] begin = new int[4];
        int[] size = {-1, -1, -1, -1};
        for (int i = 0; i < 2; i++) {
            begin[axis(i)] = margins[i][0];
            size[axis(i)] = inputs.shape().dim(axis(i)) - margins[i][0] - margins[i][1];
        }
        return tf.slice(inputs, begin, size);
    }
}
