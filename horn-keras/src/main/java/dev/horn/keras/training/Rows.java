package dev.horn.keras.training;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import java.lang.reflect.Array;

/**
 * Batches cut from a tensor along its first axis: a run of rows in a given order, copied into
 * a new contiguous tensor with one {@code System.arraycopy} per row (or one for a whole
 * contiguous run when the order is the identity), split across Horn's cores for big batches.
 */
final class Rows {
    private Rows() {}

    /** Rows {@code order[from..to)} of {@code t} (t must be contiguous). */
    static Tensor take(Tensor t, int[] order, int from, int to) {
        int n = to - from;
        int[] dims = t.shape().dims();
        int rowSize = dims.length == 1 ? 1 : Math.toIntExact(t.shape().size() / Math.max(1, dims[0]));
        Object src = t.storage();
        int base = t.offset();
        Object dst = Array.newInstance(src.getClass().getComponentType(), n * rowSize);
        // a shuffled batch is a gather from all over memory: the cores share it
        Parallel.forRangeBalanced(n, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, rowSize)), (s, e) -> {
            int i = s;
            while (i < e) {
                int j = i + 1;
                while (j < e && order[from + j] == order[from + j - 1] + 1) {
                    j++;
                }
                System.arraycopy(src, base + order[from + i] * rowSize, dst, i * rowSize, (j - i) * rowSize);
                i = j;
            }
        });
        dims[0] = n;
        return Tensor.wrap(t.dtype(), Shape.of(dims), dst);
    }

    /** Rows {@code [from, to)} in storage order. */
    static Tensor range(Tensor t, int from, int to) {
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        return take(t, order, 0, order.length);
    }
}
