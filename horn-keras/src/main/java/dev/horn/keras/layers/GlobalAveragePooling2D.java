package dev.horn.keras.layers;

/** Keras' {@code GlobalAveragePooling2D}: the mean of each channel over the 2-D spatial extent. */
public final class GlobalAveragePooling2D extends GlobalPooling<GlobalAveragePooling2D> {
    public GlobalAveragePooling2D() {
        super(2, Statistic.MEAN);
    }
}
