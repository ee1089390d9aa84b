package dev.horn.keras.layers;

import dev.horn.Shape;
import java.util.Arrays;

/**
 * A window sliding over the spatial axes of a convolution or pooling layer: its size, strides,
 * dilation and padding, with Keras' {@code conv_output_length} and {@code deconv_output_length}
 * rules, so a layer knows its output shape (for {@code summary()} and the next layer) before
 * any op runs, and a window that does not fit fails naming the layer.
 */
record SpatialWindow(int[] size, int[] strides, int[] dilation, String padding) {
    SpatialWindow {
        size = size.clone();
        strides = strides.clone();
        dilation = dilation.clone();
    }

    /** Checks what Keras rejects when a layer is made: unknown padding, strides and dilation both above 1. */
    static void checkArguments(String layer, String padding, int[] strides, int[] dilation, boolean causalAllowed) {
        if (!padding.equals("valid") && !padding.equals("same") && !(causalAllowed && padding.equals("causal"))) {
            throw new IllegalArgumentException(layer + ": The `padding` argument must be a string, one of \"valid\", "
                    + "\"same\"" + (causalAllowed ? ", \"causal\"" : "") + ". Received: padding=" + padding);
        }
        boolean strided = Arrays.stream(strides).anyMatch(s -> s != 1);
        boolean dilated = Arrays.stream(dilation).anyMatch(d -> d != 1);
        if (strided && dilated) {
            throw new IllegalArgumentException(layer + ": `strides > 1` not supported in conjunction with "
                    + "`dilation_rate > 1`. Received: strides=" + Arrays.toString(strides) + " and dilation_rate="
                    + Arrays.toString(dilation));
        }
    }

    int rank() {
        return size.length;
    }

    int effective(int axis) {
        return (size[axis] - 1) * dilation[axis] + 1;
    }

    /** The output's spatial dims; {@code describe} adds the shapes to the error when a valid window does not fit. */
    int[] outputDims(Layer layer, int[] in, String describe) {
        int[] out = new int[rank()];
        for (int i = 0; i < rank(); i++) {
            if (in[i] == Shape.UNKNOWN) {
                out[i] = Shape.UNKNOWN;
            } else if (padding.equals("valid")) {
                int length = in[i] - effective(i) + 1;
                if (length <= 0) {
                    throw new IllegalArgumentException("Layer \"" + layer.name() + "\": computed output size would be "
                            + "negative: the window (" + effective(i) + " on spatial axis " + i + ") is larger than the "
                            + "input (" + in[i] + ") with padding=\"valid\". " + describe);
                }
                out[i] = (length + strides[i] - 1) / strides[i];
            } else {
                out[i] = (in[i] + strides[i] - 1) / strides[i];
            }
        }
        return out;
    }

    /** A transposed convolution's output dims (Keras' deconv_output_length); outputPadding may be null. */
    int[] transposedOutputDims(int[] in, int[] outputPadding) {
        int[] out = new int[rank()];
        for (int i = 0; i < rank(); i++) {
            if (in[i] == Shape.UNKNOWN) {
                out[i] = Shape.UNKNOWN;
            } else if (outputPadding == null) {
                out[i] = padding.equals("valid") ? in[i] * strides[i] + Math.max(effective(i) - strides[i], 0)
                        : in[i] * strides[i];
            } else {
                int pad = padding.equals("same") ? effective(i) / 2 : 0;
                out[i] = (in[i] - 1) * strides[i] + effective(i) - 2 * pad + outputPadding[i];
            }
        }
        return out;
    }
}
