package dev.horn.keras.layers;

/** Keras' {@code Conv3D}: volumetric convolution over (batch, depth, rows, cols, channels) batches. */
public final class Conv3D extends Conv<Conv3D> {
    public Conv3D(int filters, int... kernelSize) {
        super(3, filters, kernelSize);
    }
}
