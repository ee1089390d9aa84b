package dev.horn.keras.layers;

/** Keras' {@code Conv2D}: spatial convolution over (batch, rows, cols, channels) images. */
public final class Conv2D extends Conv<Conv2D> {
    public Conv2D(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }
}
