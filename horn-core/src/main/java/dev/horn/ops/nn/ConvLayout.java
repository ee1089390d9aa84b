package dev.horn.ops.nn;

import dev.horn.Shape;
import java.util.Arrays;

/**
 * The sizes of one convolution call, channels last: x [batch, in spatial, in], filters
 * [kernel, in / groups, out], y [batch, out spatial, out], all spatial parts flattened. As a
 * GEMM per group: y_g [batch * outSpatial, outPerGroup] = cols_g [batch * outSpatial, k] x
 * filters_g [k, outPerGroup], k = kernel volume x inPerGroup, where row (b, o) of cols_g holds
 * the window at output position o, kernel position major, channel minor ({@link Window#sources}).
 */
record ConvLayout(int batch, int inSpatial, int in, int outSpatial, int out, int kernelVolume, int groups,
                  boolean pointwise, int[] sources) {

    static ConvLayout of(Window window, Shape x, Shape filters, Shape y) {
        int r = window.rank();
        int[] inDims = Arrays.copyOfRange(x.dims(), 1, r + 1);
        int[] kernel = Arrays.copyOfRange(filters.dims(), 0, r);
        int[] outDims = Arrays.copyOfRange(y.dims(), 1, r + 1);
        int in = x.dim(r + 1);
        boolean pointwise = window.isPointwise(kernel);
        return new ConvLayout(x.dim(0), Window.product(inDims), in, Window.product(outDims), y.dim(r + 1),
                Window.product(kernel), in / filters.dim(r), pointwise,
                pointwise ? null : window.sources(inDims, kernel, outDims));
    }

    int inPerGroup() {
        return in / groups;
    }

    int outPerGroup() {
        return out / groups;
    }

    /** Columns of one group's im2col matrix, rows of its filter matrix. */
    int k() {
        return kernelVolume * inPerGroup();
    }

    /** Images per im2col chunk: the column buffer stays near {@code budget} elements. */
    int imagesPerChunk(int budget) {
        long perImage = (long) outSpatial * k();
        return (int) Math.max(1, Math.min(batch, budget / Math.max(1, perImage)));
    }
}
