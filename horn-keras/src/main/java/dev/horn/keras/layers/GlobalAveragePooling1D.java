package dev.horn.keras.layers;

/** Keras' {@code GlobalAveragePooling1D}: the mean of each channel over the 1-D spatial extent. */
public final class GlobalAveragePooling1D extends GlobalPooling<GlobalAveragePooling1D> {
    public GlobalAveragePooling1D() {
        super(1, Statistic.MEAN);
    }
}
