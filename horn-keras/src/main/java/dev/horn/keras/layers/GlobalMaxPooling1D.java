package dev.horn.keras.layers;

/** Keras' {@code GlobalMaxPooling1D}: the maximum of each channel over the 1-D spatial extent. */
public final class GlobalMaxPooling1D extends GlobalPooling<GlobalMaxPooling1D> {
    public GlobalMaxPooling1D() {
        super(1, Statistic.MAX);
    }
}
