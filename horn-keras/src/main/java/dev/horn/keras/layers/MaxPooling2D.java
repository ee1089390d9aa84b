package dev.horn.keras.layers;

/** Keras' {@code MaxPooling2D}: the maximum of each window over rows and columns (pool size 2 by default). */
public final class MaxPooling2D extends Pooling<MaxPooling2D> {
    public MaxPooling2D(int... poolSize) {
        super(2, true, poolSize);
    }
}
