package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import java.util.Arrays;

/**
 * Stable sorting of lines along an axis, shared by sort, argsort and top_k; ties keep their
 * input order in both directions, as TensorFlow's stable sort and top_k. Each element becomes a
 * signed long key (negated for descending); 32-bit types pack key and index into one long and
 * use {@link Arrays#sort(long[])}, 64-bit types merge-sort indices by key. The first
 * {@code keep} of each line are written out. NaN sorts above every number.
 */
final class SortKernel {
    private static final int RUN = 16;

    private SortKernel() {}

    /**
     * Sorts x along {@code axis}; writes the first {@code keep} sorted values into {@code values}
     * (an array of x's dtype, or null) and their indices into {@code indices} (int[], or null),
     * both laid out as x with the axis shortened to {@code keep}.
     */
    static void run(Tensor input, int axis, boolean descending, int keep, Object values, int[] indices) {
        Tensor x = input.contiguous();
        Lines lines = Lines.of(x.shape(), axis);
        int n = lines.n();
        DType dtype = x.dtype();
        boolean wide = dtype == DType.FLOAT64 || dtype == DType.INT64;
        Object src = x.storage();
        int off = x.offset();
        int stride = lines.inner();
        int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n * 8));
        Parallel.forRange(lines.count(), grain, (s, e) -> {
            long[] keys = new long[n];
            int[] idx = new int[n];
            int[] tmp = wide ? new int[n] : null;
            for (int line = s; line < e; line++) {
                int in = off + lines.start(line, n);
                for (int k = 0; k < n; k++) {
                    long key = key(dtype, src, in + k * stride);
                    key = descending ? ~key : key;
                    // 32-bit keys carry their index in the low half: a plain sort is then stable
                    keys[k] = wide ? key : (key << 32) | k;
                    idx[k] = k;
                }
                if (wide) {
                    mergeSort(idx, tmp, n, keys);
                } else {
                    Arrays.sort(keys);
                    for (int k = 0; k < n; k++) {
                        idx[k] = (int) keys[k];
                    }
                }
                int out = lines.start(line, keep);
                for (int k = 0; k < keep; k++) {
                    int p = out + k * stride;
                    int from = idx[k];
                    if (indices != null) {
                        indices[p] = from;
                    }
                    if (values != null) {
                        System.arraycopy(src, in + from * stride, values, p, 1);
                    }
                }
            }
        });
    }

    /**
     * The element as a signed long whose order is the sort order: integers as they are, floats
     * by their bits with the magnitude bits of negatives flipped (-0 before +0, NaN last).
     */
    private static long key(DType dtype, Object src, int p) {
        return switch (dtype) {
            case FLOAT32 -> {
                int bits = Float.floatToIntBits(((float[]) src)[p]);
                yield bits >= 0 ? bits : bits ^ Integer.MAX_VALUE;
            }
            case FLOAT64 -> {
                long bits = Double.doubleToLongBits(((double[]) src)[p]);
                yield bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
            }
            case INT32 -> ((int[]) src)[p];
            default -> ((long[]) src)[p];
        };
    }

    /** Stable: insertion-sorted runs of 16, then merges that take from the right only when strictly smaller. */
    static void mergeSort(int[] a, int[] tmp, int n, long[] keys) {
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(n, lo + RUN);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && keys[v] < keys[a[j]]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        int[] from = a;
        int[] to = tmp;
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    if (j < hi && (i >= mid || keys[from[j]] < keys[from[i]])) {
                        to[k] = from[j++];
                    } else {
                        to[k] = from[i++];
                    }
                }
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
        }
    }
}
