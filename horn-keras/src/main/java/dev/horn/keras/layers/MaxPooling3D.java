package dev.horn.keras.layers;

/** Keras' {@code MaxPooling3D}: the maximum of each window over depth, rows and columns (pool size 2 by default). */
public final class MaxPooling3D extends Pooling<MaxPooling3D> {
    public MaxPooling3D(int... poolSize) {
        super(3, true, poolSize);
    }
}
