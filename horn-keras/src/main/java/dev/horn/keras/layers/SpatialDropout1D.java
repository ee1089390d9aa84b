package dev.horn.keras.layers;

/** Keras' {@code SpatialDropout1D}: drops whole channels of (batch, steps, channels) inputs in training. */
public final class SpatialDropout1D extends SpatialDropout<SpatialDropout1D> {
    public SpatialDropout1D(double rate) {
        super(1, rate);
    }
}
