package dev.horn.keras.metrics;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static dev.horn.keras.Expect.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AUC, precision and recall over two batches (the second weighted), against a numpy version of
 * Keras' thresholded confusion counts:
 * <pre>
 * eps = 1e-7
 * def thresholds(n): return np.array([0.0 - eps] + [(i + 1) * 1.0 / (n - 1) for i in range(n - 2)] + [1.0 + eps], np.float32)
 * def counts(y, p, w, th):                      # tp, fp, tn, fn at each threshold
 *     shape = np.shape(p); p = np.asarray(p, np.float32).ravel(); y = np.asarray(y).ravel()
 *     pos = p[None, :] > np.asarray(th, np.float32)[:, None]; lab = (y != 0)[None, :]
 *     w = np.ones(len(p)) if w is None else np.broadcast_to(np.asarray(w, float), shape).ravel()
 *     f = lambda m: (m * w[None, :]).sum(1)
 *     return np.stack([f(lab & pos), f(~lab & pos), f(~lab & ~pos), f(lab & ~pos)])
 * def dnn(a, b): return np.where(b == 0, 0, a / np.where(b == 0, 1, b))
 * def auc(c, curve='ROC', summ='interpolation'):
 *     tp, fp, tn, fn = c
 *     if curve == 'PR' and summ == 'interpolation':
 *         dtp = tp[:-1] - tp[1:]; P = tp + fp; dp = P[:-1] - P[1:]
 *         slope = dnn(dtp, np.maximum(dp, 0)); inter = tp[1:] - slope * P[1:]
 *         ratio = np.where((P[:-1] > 0) & (P[1:] > 0), dnn(P[:-1], np.maximum(P[1:], 0)), 1.0)
 *         return dnn(slope * (dtp + inter * np.log(ratio)), np.maximum(tp[1:] + fn[1:], 0)).sum()
 *     rec = dnn(tp, tp + fn)
 *     x, y = (dnn(fp, fp + tn), rec) if curve == 'ROC' else (rec, dnn(tp, tp + fp))
 *     h = {'interpolation': (y[:-1] + y[1:]) / 2, 'minoring': np.minimum(y[:-1], y[1:]),
 *          'majoring': np.maximum(y[:-1], y[1:])}[summ]
 *     return ((x[:-1] - x[1:]) * h).sum()
 * y1 = [1,0,1,1,0,0,1,0]; p1 = [0.9,0.3,0.62,0.41,0.45,0.1,0.8,0.7]
 * y2 = [0,1,1,0,1,0]; p2 = [0.2,0.55,0.35,0.6,0.95,0.05]; w2 = [1,2,0.5,1.5,1,3]
 * c1 = counts(y1, p1, None, thresholds(200)); c = c1 + counts(y2, p2, w2, thresholds(200))
 * </pre>
 */
class ConfusionMetricsTest {
    static final Tensor Y1 = t(1, 0, 1, 1, 0, 0, 1, 0);
    static final Tensor P1 = t(0.9f, 0.3f, 0.62f, 0.41f, 0.45f, 0.1f, 0.8f, 0.7f);
    static final Tensor Y2 = t(0, 1, 1, 0, 1, 0);
    static final Tensor P2 = t(0.2f, 0.55f, 0.35f, 0.6f, 0.95f, 0.05f);
    static final Tensor W2 = t(1, 2, 0.5f, 1.5f, 1, 3);

    private static void twoBatches(Metric m, double afterFirst, double afterBoth) {
        m.updateState(Y1, P1);
        scalar(m.result(), afterFirst);
        m.updateState(Y2, P2, W2);
        scalar(m.result(), afterBoth);
        m.resetState();
        scalar(m.result(), 0);
    }

    @Test
    void rocAucWithKerasInterpolation() {
        // auc(c1) (the exact ROC AUC of batch 1 too: 13 of 16 pairs ordered), auc(c)
        AUC auc = new AUC();
        assertThat(auc.name()).isEqualTo("auc");
        assertThat(auc.numThresholds()).isEqualTo(200);
        assertThat(auc.variables()).extracting(v -> v.name()).containsExactly(
                "auc/true_positives", "auc/true_negatives", "auc/false_positives", "auc/false_negatives");
        twoBatches(auc, 0.8125, 0.8421052631578947);
    }

    @Test
    void prAucWithDavisGoadrichInterpolation() {
        // auc(c1, 'PR'), auc(c, 'PR')
        twoBatches(new AUC().curve("PR"), 0.8369187034900776, 0.8124112430036704);
    }

    @Test
    void otherSummationMethods() {
        // auc(c, 'PR', 'minoring'), auc(c, 'PR', 'majoring'), auc(c, 'ROC', 'majoring')
        AUC minoring = new AUC().curve(AUC.Curve.PR).summationMethod("minoring");
        minoring.updateState(Y1, P1);
        minoring.updateState(Y2, P2, W2);
        scalar(minoring.result(), 0.6594242015294647);
        AUC majoring = new AUC().curve(AUC.Curve.PR).summationMethod(AUC.SummationMethod.MAJORING);
        majoring.updateState(Y1, P1);
        majoring.updateState(Y2, P2, W2);
        scalar(majoring.result(), 0.8292453951277482);
        AUC rocMajoring = new AUC().summationMethod("majoring");
        rocMajoring.updateState(Y1, P1);
        rocMajoring.updateState(Y2, P2, W2);
        scalar(rocMajoring.result(), 0.8421052631578947);
    }

    @Test
    void fewThresholdsGiveACoarserCurve() {
        // c5 = counts(y1, p1, None, thresholds(5)) + counts(y2, p2, w2, thresholds(5)); auc(c5); tp = c5[0], fp = c5[1]
        AUC auc = new AUC().numThresholds(5);
        auc.updateState(Y1, P1);
        auc.updateState(Y2, P2, W2);
        scalar(auc.result(), 0.873684210526316);
        values(auc.variables().get(0).read(), 7.5, 7.5, 6, 3, 0);          // true positives
        values(auc.variables().get(2).read(), 9.5, 4.5, 2.5, 0, 0);        // false positives
        AUC explicit = new AUC().thresholds(0.25, 0.5, 0.75);              // the same thresholds given explicitly
        explicit.updateState(Y1, P1);
        explicit.updateState(Y2, P2, W2);
        scalar(explicit.result(), 0.873684210526316);
    }

    @Test
    void aucFromLogitsAppliesASigmoid() {
        // np.log(p1 / (1 - p1))
        Tensor logits = t(2.197225f, -0.847298f, 0.489548f, -0.363965f, -0.200671f, -2.197225f, 1.386294f, 0.847298f);
        AUC auc = new AUC().fromLogits(true);
        auc.updateState(Y1, logits);
        scalar(auc.result(), 0.8125);
        assertThatThrownBy(() -> new AUC().updateState(Y1, logits))
                .hasMessage("auc: predictions must be in [0, 1], got a value of 2.197225; for logits use fromLogits(true)");
    }

    @Test
    void aucRefusesBadArguments() {
        assertThatThrownBy(() -> new AUC().numThresholds(1)).hasMessage("auc: num_thresholds must be > 1, got 1");
        assertThatThrownBy(() -> new AUC().curve("roc curve"))
                .hasMessage("auc: invalid curve 'roc curve', expected one of [ROC, PR]");
    }

    // multi-label batches: yt1 = [[0,1,1],[1,0,0],[0,0,1],[1,1,0]]; yp1 = [[0.2,0.7,0.6],[0.6,0.3,0.55],[0.05,0.5,0.9],[0.3,0.8,0.4]]
    // yt2 = [[1,0,1],[0,1,0]]; yp2 = [[0.9,0.2,0.4],[0.7,0.6,0.1]]; ww2 = [2, 0.5] (per sample)
    // precision = dnn(tp, tp + fp), recall = dnn(tp, tp + fn) of the summed counts; top_k keeps each row's k largest,
    // the others set to -1e10 (threshold -1e10 when none is given); class_id looks at yt[:, i], yp[:, i] only
    static final Tensor YT1 = t(new float[][] {{0, 1, 1}, {1, 0, 0}, {0, 0, 1}, {1, 1, 0}});
    static final Tensor YP1 = t(new float[][] {{0.2f, 0.7f, 0.6f}, {0.6f, 0.3f, 0.55f}, {0.05f, 0.5f, 0.9f}, {0.3f, 0.8f, 0.4f}});
    static final Tensor YT2 = t(new float[][] {{1, 0, 1}, {0, 1, 0}});
    static final Tensor YP2 = t(new float[][] {{0.9f, 0.2f, 0.4f}, {0.7f, 0.6f, 0.1f}});
    static final Tensor WW2 = t(2, 0.5f);

    private static void twoMultiLabelBatches(Metric m, double[] afterFirst, double[] afterBoth) {
        m.updateState(YT1, YP1);
        values(m.result(), afterFirst);
        m.updateState(YT2, YP2, WW2);
        values(m.result(), afterBoth);
        m.resetState();
        assertThat(m.result().toDoubleArray()).containsOnly(0.0);
    }

    @Test
    void precisionAndRecallAtHalf() {
        Precision precision = new Precision();
        assertThat(precision.name()).isEqualTo("precision");
        assertThat(precision.result().rank()).isZero();
        twoMultiLabelBatches(precision, new double[] {0.83333333}, new double[] {0.83333333});
        twoMultiLabelBatches(new Recall(), new double[] {0.83333333}, new double[] {0.71428571});
        assertThat(new Recall().name()).isEqualTo("recall");
    }

    @Test
    void severalThresholdsGiveOneResultEach() {
        twoMultiLabelBatches(new Precision().thresholds(0.3, 0.5, 0.8),
                new double[] {0.625, 0.83333333, 1}, new double[] {0.73076923, 0.83333333, 1});
        twoMultiLabelBatches(new Recall().thresholds(0.3, 0.5, 0.8),
                new double[] {0.83333333, 0.83333333, 0.16666667}, new double[] {0.9047619, 0.71428571, 0.28571429});
    }

    @Test
    void topKCountsOnlyEachSamplesHighestPredictions() {
        twoMultiLabelBatches(new Precision().topK(1), new double[] {1}, new double[] {0.92307692});
        twoMultiLabelBatches(new Recall().topK(1), new double[] {0.66666667}, new double[] {0.57142857});
    }

    @Test
    void classIdLooksAtOneClass() {
        twoMultiLabelBatches(new Precision().classId(2), new double[] {0.66666667}, new double[] {0.66666667});
        twoMultiLabelBatches(new Recall().classId(2), new double[] {1}, new double[] {0.5});
    }

    @Test
    void thresholdsOutsideZeroOneAreRefused() {
        assertThatThrownBy(() -> new Precision().thresholds(1.5))
                .hasMessage("precision: threshold values must be in [0, 1], got 1.5");
    }
}
