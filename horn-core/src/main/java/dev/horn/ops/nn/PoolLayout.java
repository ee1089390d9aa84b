package dev.horn.ops.nn;

import dev.horn.Shape;
import java.util.Arrays;

/**
 * The sizes of one pooling call, channels last with the spatial parts flattened: x [batch,
 * inSpatial, channels] -> y [batch, outSpatial, channels], and the window table
 * ({@link Window#sources}) of which input position each output position reads at each kernel
 * position. Also the pooling ops' shared shape rule.
 */
record PoolLayout(int batch, int inSpatial, int channels, int outSpatial, int kernelVolume, int[] sources) {

    static PoolLayout of(Window window, int[] ksize, Shape x, Shape y) {
        int r = window.rank();
        int[] inDims = Arrays.copyOfRange(x.dims(), 1, r + 1);
        int[] outDims = Arrays.copyOfRange(y.dims(), 1, r + 1);
        return new PoolLayout(x.dim(0), Window.product(inDims), x.dim(r + 1), Window.product(outDims),
                Window.product(ksize), window.sources(inDims, ksize, outDims));
    }

    /** Input positions the window at output position o covers (SAME windows at the edge cover fewer). */
    int validCount(int o) {
        int n = 0;
        for (int p = 0; p < kernelVolume; p++) {
            if (sources[o * kernelVolume + p] >= 0) {
                n++;
            }
        }
        return n;
    }

    /** True when every input position lies in exactly one window (non-overlapping windows covering the input). */
    boolean partitions() {
        int[] covered = new int[inSpatial];
        for (int at : sources) {
            if (at < 0 || covered[at]++ > 0) {
                return false;
            }
        }
        return sources.length == inSpatial;
    }

    /** The pooled shape of x, checking rank and window; errors name the op and shapes. */
    static Shape outputShape(String op, Window window, int[] ksize, Shape x) {
        window.validate(op);
        int r = window.rank();
        if (x.rank() != r + 2) {
            throw new IllegalArgumentException(op + ": input must have rank " + (r + 2) + " [batch, "
                    + Conv.spatialNames(r) + ", channels], got shape " + x);
        }
        if (ksize.length != r || Arrays.stream(ksize).anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException(op + ": ksize must be " + r + " positive sizes, got " + Arrays.toString(ksize));
        }
        int[] spatial = window.outputDims(op, Arrays.copyOfRange(x.dims(), 1, r + 1), ksize,
                "input " + x + ", ksize " + Arrays.toString(ksize));
        int[] dims = x.dims();
        System.arraycopy(spatial, 0, dims, 1, r);
        return Shape.of(dims);
    }
}
