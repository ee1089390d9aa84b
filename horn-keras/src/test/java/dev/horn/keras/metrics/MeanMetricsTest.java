package dev.horn.keras.metrics;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reducing metrics over two batches (the second weighted), then reset. Expected values by hand
 * or numpy as noted; per-sample values come from the loss formulas checked in the losses tests.
 */
class MeanMetricsTest {
    @Test
    void meanWeighsValuesAndCountsWeight() {
        Mean mean = new Mean();
        scalar(mean.result(), 0);                       // divide-no-nan before any update
        mean.update(t(1, 3, 5, 7));
        scalar(mean.result(), 4);
        mean.update(t(2, 4), t(1, 3));                  // (16 + 2 + 12) / (4 + 4)
        scalar(mean.result(), 3.75);
        assertThat(mean.name()).isEqualTo("mean");
        assertThat(mean.variables()).extracting(v -> v.name()).containsExactly("mean/total", "mean/count");
        mean.resetState();
        scalar(mean.result(), 0);
    }

    @Test
    void sumWeighsValues() {
        Sum sum = new Sum();
        sum.update(t(1, 3, 5, 7));
        sum.update(t(2, 4), t(1, 3));
        scalar(sum.result(), 30);
        sum.resetState();
        scalar(sum.result(), 0);
    }

    @Test
    void perSampleWeightsSpreadOverEachSamplesValues() {
        Mean mean = new Mean();
        mean.update(t(new float[][] {{1, 2}, {3, 4}}), t(1, 0));   // weights [2] meet values [2, 2] as [2, 1]: (1 + 2) / 2
        scalar(mean.result(), 1.5);
        Mean byColumn = new Mean();
        byColumn.update(t(new float[][] {{1, 2}, {3, 4}}), t(new float[][] {{1, 0}, {1, 0}})); // (1 + 3) / 2
        scalar(byColumn.result(), 2);
    }

    @Test
    void aPlainMeanHasNoLabels() {
        assertThatThrownBy(() -> new Mean().updateState(t(1), t(1)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("update(values, sampleWeight)");
    }

    @Test
    void binaryAccuracyThresholdsAtHalf() {
        Metric acc = new BinaryAccuracy();
        acc.updateState(t(new float[][] {{1}, {0}, {1}, {0}}), t(new float[][] {{0.7f}, {0.4f}, {0.3f}, {0.6f}})); // 1 1 0 0
        scalar(acc.result(), 0.5);
        acc.updateState(t(1, 1), t(new float[][] {{0.9f}, {0.5f}}), t(2, 1));  // 0.5 is not above 0.5: 1 0, weighted 2 1
        scalar(acc.result(), 4.0 / 7);
        acc.resetState();
        scalar(acc.result(), 0);
        Metric strict = new BinaryAccuracy().threshold(0.8);
        strict.updateState(t(1, 1, 0), t(0.9f, 0.7f, 0.1f));
        scalar(strict.result(), 2.0 / 3);
    }

    // the crossentropy tests' Y, P: argmax(P) = [1, 0, 1, 2] against labels [1, 0, 2, 1]
    static final Tensor Y1 = t(new float[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
    static final Tensor P1 = t(new float[][] {{0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.2f}, {0.05f, 0.15f, 0}, {0.3f, 0.3f, 0.4f}});
    static final Tensor Y2 = t(new float[][] {{0, 0, 1}, {1, 0, 0}});
    static final Tensor P2 = t(new float[][] {{0.1f, 0.2f, 0.7f}, {0.3f, 0.4f, 0.3f}});
    static final Tensor W2 = t(1, 3);

    @Test
    void categoricalAccuracyComparesArgmaxes() {
        Metric acc = new CategoricalAccuracy();
        acc.updateState(Y1, P1);
        scalar(acc.result(), 0.5);
        acc.updateState(Y2, P2, W2);                    // matches 1 0 weighted 1 3: (2 + 1) / (4 + 4)
        scalar(acc.result(), 0.375);
        acc.resetState();
        scalar(acc.result(), 0);
    }

    @Test
    void sparseCategoricalAccuracyTakesLabelsOfShapeBatchOrBatchByOne() {
        Metric acc = new SparseCategoricalAccuracy();
        acc.updateState(Tensor.of(new int[] {1, 0, 2, 1}, 4), P1);
        scalar(acc.result(), 0.5);
        acc.updateState(t(new float[][] {{2}, {0}}), P2, W2);
        scalar(acc.result(), 0.375);
        acc.resetState();
        scalar(acc.result(), 0);
    }

    @Test
    void topKAccuracyCountsTiesAsInTheTopK() {
        // k = 2: row 3 of P1 is [0.05, 0.15, 0.0] with label 2, the lowest: miss; row 4 [0.3, 0.3, 0.4] label 1 ties: hit
        Metric top2 = new TopKCategoricalAccuracy().k(2);
        top2.updateState(Y1, P1);
        scalar(top2.result(), 0.75);
        top2.updateState(Y2, P2, W2);                   // both hit: (3 + 4) / 8
        scalar(top2.result(), 0.875);
        top2.resetState();
        scalar(top2.result(), 0);
        Metric top1 = new SparseTopKCategoricalAccuracy().k(1);  // hits where the label's prediction is the highest
        top1.updateState(Tensor.of(new int[] {1, 0, 2, 1}, 4), P1);
        scalar(top1.result(), 0.5);
        Metric tie = new SparseTopKCategoricalAccuracy().k(1);   // as tf.math.in_top_k, a tie for first place is a hit
        tie.updateState(Tensor.of(new int[] {1}, 1), t(new float[][] {{0.5f, 0.5f, 0}}));
        scalar(tie.result(), 1);
        Metric top5 = new SparseTopKCategoricalAccuracy();       // k = 5 > 3 classes: always a hit
        top5.updateState(t(new float[][] {{1}, {0}, {2}, {1}}), P1);
        scalar(top5.result(), 1);
        assertThat(top5.name()).isEqualTo("sparse_top_k_categorical_accuracy");
    }

    @Test
    void accuracyIsExactEquality() {
        Metric acc = new Accuracy();
        acc.updateState(t(1, 2, 3, 4), t(1, 2, 0, 4));
        scalar(acc.result(), 0.75);
    }

    // rt, rp from the loss tests, then a weighted second batch:
    // rt = [[1,2,0],[-1,0.5,3]]; rp = [[1.5,1,0.2],[-0.5,0.5,1]]; rt2 = [[2,2,2]]; rp2 = [[1,2,4]]; w2 = [2]
    static final Tensor RT = t(new float[][] {{1, 2, 0}, {-1, 0.5f, 3}});
    static final Tensor RP = t(new float[][] {{1.5f, 1, 0.2f}, {-0.5f, 0.5f, 1}});
    static final Tensor RT2 = t(new float[][] {{2, 2, 2}});
    static final Tensor RP2 = t(new float[][] {{1, 2, 4}});

    private static void twoBatches(Metric m, double afterFirst, double afterBoth) {
        m.updateState(RT, RP);
        scalar(m.result(), afterFirst);
        m.updateState(RT2, RP2, t(2));
        scalar(m.result(), afterBoth);
        m.resetState();
        scalar(m.result(), 0);
    }

    @Test
    void regressionMetrics() {
        // per sample mse: [0.43, 1.41666667], then [5 / 3] weighted 2: (0.43 + 1.41666667 + 10 / 3) / 4
        twoBatches(new MeanSquaredError(), 0.9233333333333333, 1.295);
        // per sample mae: [0.56666667, 0.83333333], then [1] weighted 2: (1.4 + 2) / 4
        twoBatches(new MeanAbsoluteError(), 0.7, 0.85);
        // np.sqrt(((rp - rt)**2).mean()), then np.sqrt((((rp - rt)**2).sum() + 2 * ((rp2 - rt2)**2).sum()) / (6 + 2 * 3))
        twoBatches(new RootMeanSquaredError(), 0.960902353693305, 1.1379806676741042);
        assertThat(new RootMeanSquaredError().name()).isEqualTo("root_mean_squared_error");
    }

    @Test
    void meanAbsolutePercentageError() {
        // 100 * np.abs((t - p) / t).mean(-1): [[2,2,2]] vs [[1,2,4]] gives 50; [[4,-2]] vs [[3,-2]] gives 12.5, weighted 3
        Metric mape = new MeanAbsolutePercentageError();
        mape.updateState(RT2, RP2);
        scalar(mape.result(), 50);
        mape.updateState(t(new float[][] {{4, -2}}), t(new float[][] {{3, -2}}), t(3));
        scalar(mape.result(), (50 + 37.5) / 4);
    }

    @Test
    void customMetricFromALambda() {
        Metric maxError = Metric.of("max_error", (t, p) -> dev.horn.Tf.tf.reduceMax(dev.horn.Tf.tf.abs(dev.horn.Tf.tf.sub(p, t)), -1));
        maxError.updateState(RT, RP);                   // max errors 1 and 2
        scalar(maxError.result(), 1.5);
        assertThat(maxError.name()).isEqualTo("max_error");
    }
}
