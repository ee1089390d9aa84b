package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;

/**
 * The input gradient of a stride-1 convolution as a forward one. With stride 1, dx is itself a
 * convolution: dy convolved with the filters flipped in space
 * and with each group's in and out swapped, padded by (kernel - 1) x dilation minus the
 * forward padding. That runs the forward kernels (a gather and a GEMM, or the direct
 * depthwise loop) instead of a GEMM and a scatter-add.
 */
final class FlippedConv {
    private static final int FLIPPED_MIN_CHANNELS = 16;

    private FlippedConv() {}

    static boolean applies(Window window, ConvLayout l) {
        // few input channels per group would make the flipped product's output too narrow for the GEMM
        boolean wideEnough = l.inPerGroup() >= FLIPPED_MIN_CHANNELS || (l.inPerGroup() == 1 && l.outPerGroup() == 1);
        return wideEnough && !l.pointwise() && java.util.Arrays.stream(window.strides()).allMatch(s -> s == 1);
    }

    static Tensor backpropInput(Window window, Tensor w, Tensor dy, Shape inShape) {
        int r = window.rank();
        int[] inDims = java.util.Arrays.copyOfRange(inShape.dims(), 1, r + 1);
        int[] kernel = java.util.Arrays.copyOfRange(w.shape().dims(), 0, r);
        int[] outDims = java.util.Arrays.copyOfRange(dy.shape().dims(), 1, r + 1);
        int[] before = window.padBefore(inDims, kernel, outDims);
        for (int i = 0; i < r; i++) {
            before[i] = (kernel[i] - 1) * window.dilations()[i] - before[i];
        }
        int kv = Window.product(kernel);
        int in = inShape.dim(r + 1);
        int out = dy.shape().dim(r + 1);
        int inPerGroup = w.shape().dim(r);
        int groups = in / inPerGroup;
        int outPerGroup = out / groups;
        int[] flippedDims = java.util.Arrays.copyOf(kernel, r + 2);
        flippedDims[r] = outPerGroup;
        flippedDims[r + 1] = in;
        Object flipped = ConvKernels.newArray(w.dtype(), kv * in * outPerGroup);
        Object src = w.storage();
        for (int g = 0; g < groups; g++) {
            for (int p = 0; p < kv; p++) {
                for (int ci = 0; ci < inPerGroup; ci++) {
                    for (int co = 0; co < outPerGroup; co++) {
                        int to = ((kv - 1 - p) * outPerGroup + co) * in + g * inPerGroup + ci;
                        int from = w.offset() + (p * inPerGroup + ci) * out + g * outPerGroup + co;
                        if (flipped instanceof float[] f) {
                            f[to] = ((float[]) src)[from];
                        } else {
                            ((double[]) flipped)[to] = ((double[]) src)[from];
                        }
                    }
                }
            }
        }
        ConvLayout l = ConvLayout.of(window, dy.shape(), Shape.of(flippedDims), inShape, before);
        Object dx = HeapArrays.newUninitialized(dy.dtype(), inShape.size());
        ConvKernels.forward(l, dy, flipped, 0, dx);
        return Tensor.wrap(dy.dtype(), inShape, dx);
    }
}
