package dev.horn.keras.layers;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Keras' {@code ZeroPadding2D}: rows and columns of zeros around each image (1 on every side by default). */
public final class ZeroPadding2D extends ImageMargins<ZeroPadding2D> {
    public ZeroPadding2D() {
        super("padding", 1, 1);
    }

    /** One number (all sides), two (rows, cols on both sides) or four (top, bottom, left, right). */
    public ZeroPadding2D padding(int... values) {
        return setMargins(values);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[][] p = new int[4][2];
        for (int i = 0; i < 2; i++) {
            p[axis(i)] = margins[i];
        }
        return tf.pad(inputs, p);
    }
}
