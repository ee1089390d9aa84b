package dev.horn.keras.initializers;

import dev.horn.Shape;

/**
 * A weight's fan-in and fan-out, as Keras' {@code _compute_fans}: a scalar has 1 and 1, a
 * vector its length for both, a matrix (in, out), and a kernel of rank > 2 (..., in, out) its
 * last two axes times the receptive field, the product of the axes before them.
 */
record Fans(long fanIn, long fanOut) {
    static Fans of(Shape shape) {
        int[] d = shape.dims();
        return switch (d.length) {
            case 0 -> new Fans(1, 1);
            case 1 -> new Fans(d[0], d[0]);
            case 2 -> new Fans(d[0], d[1]);
            default -> {
                long receptiveField = 1;
                for (int i = 0; i < d.length - 2; i++) {
                    receptiveField *= d[i];
                }
                yield new Fans(d[d.length - 2] * receptiveField, d[d.length - 1] * receptiveField);
            }
        };
    }
}
