package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.TensorSpec;
import java.util.Arrays;

/** The index rule gather_nd and tensor_scatter_nd_add share: rows of K coordinates into a shape. */
final class NdIndexing {
    private NdIndexing() {}

    /** K, the length of each index row (the indices' last dimension), checked against the target. */
    static int depth(String op, TensorSpec indices, Shape target) {
        ArrayKernels.integerIndices(op, "indices", indices);
        Shape s = indices.shape();
        if (s.rank() == 0) {
            throw new IllegalArgumentException(op + ": indices must have rank >= 1, got shape " + s);
        }
        int k = s.dim(-1);
        if (k > target.rank()) {
            throw new IllegalArgumentException(op + ": index rows of length " + k + " (indices shape " + s
                    + ") cannot index shape " + target + " of rank " + target.rank());
        }
        return k;
    }

    /** indices.shape[:-1] + target.shape[K:]: the shape of the slices gathered or scattered. */
    static Shape sliceShape(Shape indices, Shape target, int k) {
        int[] id = indices.dims();
        int[] td = target.dims();
        int[] out = new int[id.length - 1 + td.length - k];
        System.arraycopy(id, 0, out, 0, id.length - 1);
        System.arraycopy(td, k, out, id.length - 1, td.length - k);
        return Shape.of(out);
    }

    /** Row-major element offsets of each index row's slice start in target, checked for range. */
    static int[] offsets(String op, long[] idx, int rows, int k, Shape target) {
        int[] strides = target.strides();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int off = 0;
            for (int j = 0; j < k; j++) {
                long v = idx[r * k + j];
                if (v < 0 || v >= target.dim(j)) {
                    throw new IllegalArgumentException(op + ": indices[" + r + "] = "
                            + Arrays.toString(Arrays.copyOfRange(idx, r * k, r * k + k)) + " does not index into shape " + target);
                }
                off += (int) v * strides[j];
            }
            out[r] = off;
        }
        return out;
    }
}
