package dev.horn.keras.training;

import dev.horn.Tensor;

/**
 * The batches of one pass of a loop, each one copied while the one before it runs: {@link #take}
 * hands over the batch asked for (the one copied in the background when it is that one) and
 * starts copying the one the loop will ask for next ({@link Rows#later}). {@link #close} drops a
 * copy the loop did not use (it stopped early). The batches are the same arrays of the same rows
 * as {@link TrainingData#batch} makes; only the time they are copied moves.
 */
final class BatchFeed implements AutoCloseable {
    private final TrainingData data;
    private Rows.Pending pending;
    private int[] pendingOrder;
    private int pendingFrom;
    private int pendingTo;

    BatchFeed(TrainingData data) {
        this.data = data;
    }

    /**
     * Rows {@code order[from..to)}; then rows {@code order[nextFrom..nextTo)} start being copied
     * when that range is not empty.
     */
    Tensor[] take(int[] order, int from, int to, int nextFrom, int nextTo) {
        Tensor[] batch;
        if (pending != null && pendingOrder == order && pendingFrom == from && pendingTo == to) {
            batch = pending.join();
        } else {
            close();
            batch = data.batch(order, from, to);
        }
        pending = null;
        if (nextTo > nextFrom) {
            pending = data.prefetch(order, nextFrom, nextTo);
            pendingOrder = order;
            pendingFrom = nextFrom;
            pendingTo = nextTo;
        }
        return batch;
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
