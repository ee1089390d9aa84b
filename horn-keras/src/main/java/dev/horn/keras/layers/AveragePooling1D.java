package dev.horn.keras.layers;

/** Keras' {@code AveragePooling1D}: the mean of each window over the steps (pool size 2 by default). */
public final class AveragePooling1D extends Pooling<AveragePooling1D> {
    public AveragePooling1D(int... poolSize) {
        super(1, false, poolSize);
    }
}
