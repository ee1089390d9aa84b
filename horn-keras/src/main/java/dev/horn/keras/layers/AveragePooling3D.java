package dev.horn.keras.layers;

/** Keras' {@code AveragePooling3D}: the mean of each window over depth, rows and columns (pool size 2 by default). */
public final class AveragePooling3D extends Pooling<AveragePooling3D> {
    public AveragePooling3D(int... poolSize) {
        super(3, false, poolSize);
    }
}
