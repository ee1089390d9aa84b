package dev.horn.keras.layers;

/** Keras' {@code MaxPooling1D}: the maximum of each window over the steps (pool size 2 by default). */
public final class MaxPooling1D extends Pooling<MaxPooling1D> {
    public MaxPooling1D(int... poolSize) {
        super(1, true, poolSize);
    }
}
