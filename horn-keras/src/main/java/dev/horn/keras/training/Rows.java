package dev.horn.keras.training;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.IdleWork;
import dev.horn.internal.cpu.Parallel;
import java.lang.reflect.Array;
import java.util.List;

/**
 * One batch cut from tensors along their first axis: rows {@code order[from..to)} of each,
 * copied into new contiguous tensors with one {@code System.arraycopy} per row (or one for a
 * whole run of consecutive rows). {@link #now} copies at once, split across Horn's cores;
 * {@link #later} leaves the copy to the cores' idle moments while the previous batch trains
 * (see {@link IdleWork}), as {@code tf.data}'s prefetch overlaps the next batch with the step.
 */
final class Rows {
    /** Elements a grain of a {@link #later} copy moves: a few microseconds, so a kernel waits little behind it. */
    private static final int LATER_GRAIN = 4096;
    /** The targets after a failed allocation: grains waiting for the arrays give up. */
    private static final Object[] NONE = new Object[0];

    private final Tensor[] sources;
    private final int[] rowSizes;
    private final int[] order;
    private final int from;
    private final int n;
    private volatile Object[] targets;

    /** Rows {@code order[from..to)} of each tensor (each must be contiguous). */
    Rows(List<Tensor> sources, int[] order, int from, int to) {
        this.sources = sources.toArray(Tensor[]::new);
        this.order = order;
        this.from = from;
        this.n = to - from;
        rowSizes = new int[this.sources.length];
        for (int k = 0; k < rowSizes.length; k++) {
            int[] dims = this.sources[k].shape().dims();
            rowSizes[k] = dims.length == 1 ? 1 : Math.toIntExact(this.sources[k].shape().size() / Math.max(1, dims[0]));
        }
    }

    /** Rows {@code order[from..to)} of {@code t} (t must be contiguous). */
    static Tensor take(Tensor t, int[] order, int from, int to) {
        return new Rows(List.of(t), order, from, to).now()[0];
    }

    /** Rows {@code [from, to)} in storage order. */
    static Tensor range(Tensor t, int from, int to) {
        int[] order = new int[to - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        return take(t, order, 0, order.length);
    }

    /** The batch, copied now. */
    Tensor[] now() {
        allocate();
        // a shuffled batch is a gather from all over memory: the cores share it
        Parallel.forRangeBalanced(n, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, rowElements())), this::copy);
        return tensors();
    }

    /** The batch, copied by idle cores from now on; {@link Pending#join} hands it over. */
    Pending later() {
        int rowsPerGrain = Math.max(1, LATER_GRAIN / Math.max(1, rowElements()));
        int grains = (n + rowsPerGrain - 1) / rowsPerGrain;
        // grain 0 allocates (zeroing the arrays is part of the work worth moving), the others copy
        return new Pending(IdleWork.start(1 + grains, g -> {
            if (g == 0) {
                allocate();
            } else {
                int s = (g - 1) * rowsPerGrain;
                copy(s, Math.min(n, s + rowsPerGrain));
            }
        }));
    }

    /** A batch being copied by {@link #later}. */
    final class Pending {
        private final IdleWork work;

        private Pending(IdleWork work) {
            this.work = work;
        }

        /** The batch, once every row is in: the caller copies what the idle cores have not. */
        Tensor[] join() {
            work.join();
            return tensors();
        }

        /** Drops the batch: no more rows are copied, and none is being copied when it returns. */
        void cancel() {
            work.cancel();
        }
    }

    private int rowElements() {
        int sum = 0;
        for (int r : rowSizes) {
            sum += r;
        }
        return sum;
    }

    private void allocate() {
        Object[] t = new Object[sources.length];
        try {
            for (int k = 0; k < t.length; k++) {
                t[k] = Array.newInstance(sources[k].storage().getClass().getComponentType(), n * rowSizes[k]);
            }
        } catch (Throwable e) {
            targets = NONE; // grains waiting for the arrays give up; the failure reaches the join
            throw e;
        }
        targets = t;
    }

    /** Copies batch rows [s, e) of every tensor. */
    private void copy(int s, int e) {
        Object[] t = targets;
        while (t == null) { // grain 0 is still allocating on another core
            Thread.onSpinWait();
            t = targets;
        }
        if (t == NONE) {
            return;
        }
        for (int k = 0; k < sources.length; k++) {
            Object src = sources[k].storage();
            int base = sources[k].offset();
            int rowSize = rowSizes[k];
            int i = s;
            while (i < e) {
                int j = i + 1;
                while (j < e && order[from + j] == order[from + j - 1] + 1) {
                    j++;
                }
                System.arraycopy(src, base + order[from + i] * rowSize, t[k], i * rowSize, (j - i) * rowSize);
                i = j;
            }
        }
    }

    private Tensor[] tensors() {
        Tensor[] out = new Tensor[sources.length];
        for (int k = 0; k < out.length; k++) {
            int[] dims = sources[k].shape().dims();
            dims[0] = n;
            out[k] = Tensor.wrap(sources[k].dtype(), Shape.of(dims), targets[k]);
        }
        return out;
    }
}
