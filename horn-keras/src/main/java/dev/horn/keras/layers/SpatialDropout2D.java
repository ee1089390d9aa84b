package dev.horn.keras.layers;

/** Keras' {@code SpatialDropout2D}: drops whole feature maps of image batches in training. */
public final class SpatialDropout2D extends SpatialDropout<SpatialDropout2D> {
    public SpatialDropout2D(double rate) {
        super(2, rate);
    }

    public SpatialDropout2D dataFormat(String value) {
        setDataFormat(value);
        return this;
    }
}
