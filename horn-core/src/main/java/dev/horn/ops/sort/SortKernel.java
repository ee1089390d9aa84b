package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;

/**
 * Stable sorting of lines along an axis, shared by sort, argsort and top_k: each line's indices
 * are ordered by a bottom-up merge sort (stable, so ties keep their input order in both
 * directions, as TensorFlow's stable sort and top_k), and the first {@code keep} of them are
 * written out. NaN sorts above every number.
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
        boolean integer = dtype == DType.INT32 || dtype == DType.INT64;
        Object src = x.storage();
        int off = x.offset();
        int stride = lines.inner();
        int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n * 8));
        Parallel.forRange(lines.count(), grain, (s, e) -> {
            int[] idx = new int[n];
            int[] tmp = new int[n];
            double[] d = integer ? null : new double[n];
            long[] l = integer ? new long[n] : null;
            for (int line = s; line < e; line++) {
                int in = off + lines.start(line, n);
                for (int k = 0; k < n; k++) {
                    int p = in + k * stride;
                    switch (dtype) {
                        case FLOAT32 -> d[k] = ((float[]) src)[p];
                        case FLOAT64 -> d[k] = ((double[]) src)[p];
                        case INT32 -> l[k] = ((int[]) src)[p];
                        default -> l[k] = ((long[]) src)[p];
                    }
                    idx[k] = k;
                }
                Order order = integer
                        ? (descending ? (a, b) -> Long.compare(l[b], l[a]) : (a, b) -> Long.compare(l[a], l[b]))
                        : (descending ? (a, b) -> Double.compare(d[b], d[a]) : (a, b) -> Double.compare(d[a], d[b]));
                mergeSort(idx, tmp, n, order);
                int out = lines.start(line, keep);
                for (int k = 0; k < keep; k++) {
                    int p = out + k * stride;
                    int from = idx[k];
                    if (indices != null) {
                        indices[p] = from;
                    }
                    if (values != null) {
                        switch (dtype) {
                            case FLOAT32 -> ((float[]) values)[p] = (float) d[from];
                            case FLOAT64 -> ((double[]) values)[p] = d[from];
                            case INT32 -> ((int[]) values)[p] = (int) l[from];
                            default -> ((long[]) values)[p] = l[from];
                        }
                    }
                }
            }
        });
    }

    @FunctionalInterface
    interface Order {
        int compare(int a, int b);
    }

    /** Stable: insertion-sorted runs of 16, then merges that take from the right only when strictly smaller. */
    static void mergeSort(int[] a, int[] tmp, int n, Order order) {
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(n, lo + RUN);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && order.compare(v, a[j]) < 0) {
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
                    if (j < hi && (i >= mid || order.compare(from[j], from[i]) < 0)) {
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
