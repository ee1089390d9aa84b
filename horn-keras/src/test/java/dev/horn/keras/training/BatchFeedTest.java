package dev.horn.keras.training;

import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches copied ahead by idle cores are the batches copied on demand, row for row. */
class BatchFeedTest {
    private static TrainingData data(int rows) {
        float[] x = new float[rows * 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5f;
        }
        float[] y = new float[rows];
        float[] w = new float[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 3;
            w[i] = 1 + i;
        }
        return new TrainingData(Tensor.of(x, rows, 7), Tensor.of(y, rows), Tensor.of(w, rows), "test");
    }

    private static int[] shuffled(int rows, long seed) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void assertSameBatch(Tensor[] actual, Tensor[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k].shape()).isEqualTo(expected[k].shape());
            assertThat(actual[k].dtype()).isEqualTo(expected[k].dtype());
            assertThat(actual[k].toFloatArray()).isEqualTo(expected[k].toFloatArray());
        }
    }

    @Test
    void aPassOfPrefetchedBatchesHandsOverTheRowsAskedFor() {
        TrainingData data = data(1000);
        int[] order = shuffled(1000, 7);
        int batch = 96;
        try (BatchFeed feed = new BatchFeed(data)) {
            for (int from = 0; from < 1000; from += batch) {
                int end = Math.min(from + batch, 1000);
                Tensor[] got = feed.take(order, from, end, end, Math.min(end + batch, 1000));
                assertSameBatch(got, data.batch(order, from, end));
                // x then y then the sample weights, rows in the shuffled order
                assertThat(got[0].shape().dims()).containsExactly(end - from, 7);
                assertThat(got[1].toFloatArray()[0]).isEqualTo(order[from] % 3);
                assertThat(got[2].toFloatArray()[end - from - 1]).isEqualTo(1 + order[end - 1]);
            }
        }
    }

    @Test
    void aBatchOtherThanThePrefetchedOneIsCopiedOnDemand() {
        TrainingData data = data(300);
        int[] order = shuffled(300, 3);
        int[] other = shuffled(300, 4);
        try (BatchFeed feed = new BatchFeed(data)) {
            feed.take(order, 0, 100, 100, 200);
            // the loop reshuffled: the prefetched rows of the old order must not be handed over
            assertSameBatch(feed.take(other, 100, 200, 0, 0), data.batch(other, 100, 200));
            assertSameBatch(feed.take(order, 200, 300, 0, 0), data.batch(order, 200, 300));
        }
    }

    @Test
    void laterCopiesTheSameRowsAsNow() {
        TrainingData data = data(5000);
        int[] order = shuffled(5000, 11);
        for (int[] range : new int[][] {{0, 5000}, {17, 18}, {4000, 4999}}) {
            assertSameBatch(data.prefetch(order, range[0], range[1]).join(), data.batch(order, range[0], range[1]));
        }
        int[] identity = new int[5000];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        assertSameBatch(data.prefetch(identity, 100, 2100).join(), data.batch(identity, 100, 2100));
    }

    @Test
    void aCancelledBatchLeavesTheNextOneWhole() {
        TrainingData data = data(5000);
        int[] order = shuffled(5000, 5);
        data.prefetch(order, 0, 4000).cancel();
        assertSameBatch(data.prefetch(order, 1000, 5000).join(), data.batch(order, 1000, 5000));
    }
}
