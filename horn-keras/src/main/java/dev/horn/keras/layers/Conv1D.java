package dev.horn.keras.layers;

/** Keras' {@code Conv1D}: temporal convolution over (batch, steps, channels) sequences. */
public final class Conv1D extends Conv<Conv1D> {
    public Conv1D(int filters, int... kernelSize) {
        super(1, filters, kernelSize);
    }

    /** Conv1D also takes {@code "causal"}: left padding so output step t sees only inputs up to t. */
    @Override
    boolean causalAllowed() {
        return true;
    }
}
