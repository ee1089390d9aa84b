package dev.horn.keras.layers;

/** Keras' {@code GlobalMaxPooling2D}: the maximum of each channel over the 2-D spatial extent. */
public final class GlobalMaxPooling2D extends GlobalPooling<GlobalMaxPooling2D> {
    public GlobalMaxPooling2D() {
        super(2, Statistic.MAX);
    }
}
