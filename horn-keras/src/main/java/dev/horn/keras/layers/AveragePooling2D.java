package dev.horn.keras.layers;

/** Keras' {@code AveragePooling2D}: the mean of each window over rows and columns (pool size 2 by default). */
public final class AveragePooling2D extends Pooling<AveragePooling2D> {
    public AveragePooling2D(int... poolSize) {
        super(2, false, poolSize);
    }
}
