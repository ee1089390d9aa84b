package dev.horn.keras.losses;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static dev.horn.keras.Expect.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crossentropies against numpy, with Keras' formulas:
 * <pre>
 * eps = 1e-7
 * yt = np.array([[0,1,0],[1,0,0],[0,0,1],[0,1,0]], float); labels = np.array([1,0,2,1])
 * p  = np.array([[0.2,0.7,0.1],[0.6,0.3,0.2],[0.05,0.15,0.0],[0.3,0.3,0.4]])   # rows 2-4 do not sum to 1
 * lg = np.array([[1.0,2.0,0.5],[2.5,-1.0,0.3],[0.1,0.2,3.0],[-0.5,0.7,0.0]])
 * w  = np.array([1, 0.5, 2, 0])
 * def logsm(x): m = x.max(-1, keepdims=True); return x - m - np.log(np.exp(x - m).sum(-1, keepdims=True))
 * def smooth(yt, s): return yt * (1 - s) + s / yt.shape[-1]
 * </pre>
 */
class CrossentropyLossesTest {
    static final Tensor Y = t(new float[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
    static final Tensor P = t(new float[][] {{0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.2f}, {0.05f, 0.15f, 0}, {0.3f, 0.3f, 0.4f}});
    static final Tensor LOGITS = t(new float[][] {{1, 2, 0.5f}, {2.5f, -1, 0.3f}, {0.1f, 0.2f, 3}, {-0.5f, 0.7f, 0}});
    static final Tensor LABELS = Tensor.of(new int[] {1, 0, 2, 1}, 4);
    static final Tensor W = t(1, 0.5f, 2, 0);

    @Test
    void categoricalCrossentropyRenormalisesThenClipsProbabilities() {
        // def cce(yt, p): q = p / p.sum(-1, keepdims=True); q = np.clip(q, eps, 1 - eps); return -(yt * np.log(q)).sum(-1)
        Loss loss = new CategoricalCrossentropy();
        values(loss.perSample(Y, P), 0.3566749439, 0.6061358036, 16.118095651, 1.2039728043);
        scalar(loss.call(Y, P), 4.5712198006983265);        // cce(yt, p).mean()
        scalar(loss.call(Y, P, W), 8.223983536910133);      // (cce(yt, p) * w).mean()
    }

    @Test
    void categoricalCrossentropyWithLabelSmoothing() {
        // cce(smooth(yt, 0.1), p).mean()
        scalar(new CategoricalCrossentropy().labelSmoothing(0.1).call(Y, P), 4.355724264414842);
    }

    @Test
    void categoricalCrossentropyFromLogits() {
        // def ccel(yt, x): return -(yt * logsm(x)).sum(-1)
        Loss loss = new CategoricalCrossentropy().fromLogits(true);
        values(loss.perSample(Y, LOGITS), 0.4643687841, 0.1319055457, 0.1096014645, 0.586552301);
        scalar(loss.call(Y, LOGITS), 0.3231070238359722);
        scalar(loss.call(Y, LOGITS, W), 0.18738112150184402);                      // (ccel(yt, lg) * w).mean()
        scalar(new CategoricalCrossentropy(true, 0.1, -1).call(Y, LOGITS), 0.4547736905026389); // ccel(smooth(yt, .1), lg).mean()
    }

    @Test
    void categoricalCrossentropyAlongTheFirstAxis() {
        Loss loss = new CategoricalCrossentropy().fromLogits(true).axis(0);
        Tensor yT = dev.horn.Tf.tf.transpose(Y, 1, 0);
        Tensor lT = dev.horn.Tf.tf.transpose(LOGITS, 1, 0);
        values(loss.perSample(yT, lT), 0.4643687841, 0.1319055457, 0.1096014645, 0.586552301);
    }

    @Test
    void categoricalCrossentropyRefusesIntegerLabels() {
        Tensor labels = Tensor.of(new float[128], 128);
        Tensor predictions = Tensor.of(new float[1280], 128, 10);
        assertThatThrownBy(() -> new CategoricalCrossentropy().call(labels, predictions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("categorical_crossentropy: labels of shape [128] do not match predictions of shape [128, 10]; "
                        + "use sparse_categorical_crossentropy for integer labels or toCategorical");
    }

    @Test
    void sparseCategoricalCrossentropyClipsThenRenormalises() {
        // def scce(lab, p): q = np.clip(p, eps, 1 - eps); return -logsm(np.log(q))[np.arange(4), lab]
        Loss loss = new SparseCategoricalCrossentropy();
        values(loss.perSample(LABELS, P), 0.3566749439, 0.6061358036, 14.5086582385, 1.2039728043);
        scalar(loss.call(LABELS, P), 4.16886044758977);
        scalar(loss.call(LABELS, P, W), 7.41926483069302);
        scalar(loss.call(LABELS.reshape(4, 1), P), 4.16886044758977);          // labels of shape [batch, 1]
        scalar(loss.call(LABELS.cast(dev.horn.DType.FLOAT32), P), 4.16886044758977); // float labels
    }

    @Test
    void sparseCategoricalCrossentropyFromLogitsMatchesCategorical() {
        // -logsm(lg)[np.arange(4), labels]: mean 0.3231070238359722, weighted 0.18738112150184402
        Loss loss = new SparseCategoricalCrossentropy().fromLogits(true);
        scalar(loss.call(LABELS, LOGITS), 0.3231070238359722);
        scalar(loss.call(LABELS.reshape(4, 1), LOGITS, W.reshape(4, 1)), 0.18738112150184402);
    }

    @Test
    void sparseCategoricalCrossentropyExplainsBadLabels() {
        Loss loss = new SparseCategoricalCrossentropy();
        assertThatThrownBy(() -> loss.call(Y, P))
                .hasMessage("sparse_categorical_crossentropy: labels of shape [4, 3] do not match predictions of shape "
                        + "[4, 3]; expected integer class indices of shape [4] or [4, 1]; use categorical_crossentropy for one-hot labels");
        assertThatThrownBy(() -> loss.call(Tensor.of(new int[] {1, 0, 3, 1}, 4), P))
                .hasMessage("sparse_categorical_crossentropy: received a label value of 3 which is outside the valid range of [0, 3)");
    }

    @Test
    void binaryCrossentropyUsesKerasClippedFormula() {
        // bt = np.array([[0,1],[1,1],[0,0],[1,0]], float); bp = np.array([[0.1,0.8],[0.6,1.0],[0.0,0.3],[0.95,0.4]])
        // def bce(y, p): q = np.clip(p, eps, 1 - eps); return (-(y * np.log(q + eps) + (1 - y) * np.log(1 - q + eps))).mean(-1)
        Tensor y = t(new float[][] {{0, 1}, {1, 1}, {0, 0}, {1, 0}});
        Tensor p = t(new float[][] {{0.1f, 0.8f}, {0.6f, 1}, {0, 0.3f}, {0.95f, 0.4f}});
        Loss loss = new BinaryCrossentropy();
        values(loss.perSample(y, p), 0.1642519154, 0.2554127285, 0.1783374005, 0.2810593231);
        scalar(loss.call(y, p), 0.21976534190820163);
        scalar(loss.call(y, p, W), 0.16215827019672596);
        // with smoothing, float32 matters: 1 - p + eps at p = 1 is (1 - float32(1 - 1e-7)) + 1e-7 = 2.19e-7, not 2e-7, so
        // f = np.float32; bce(bt * f(0.8) + f(0.1), bp) with bt, bp, eps, 1 as float32, then .mean()
        scalar(new BinaryCrossentropy().labelSmoothing(0.2).call(y, p), 0.7065698429942131);
    }

    @Test
    void binaryCrossentropyFromLogits() {
        // bl = np.array([[-2,1.5],[0.3,4],[-1,-0.2],[3,0.1]])
        // def bcel(y, x): return (np.maximum(x, 0) - x * y + np.log1p(np.exp(-np.abs(x)))).mean(-1)
        Tensor y = t(new float[][] {{0, 1}, {1, 1}, {0, 0}, {1, 0}});
        Tensor logits = t(new float[][] {{-2, 1.5f}, {0.3f, 4}, {-1, -0.2f}, {3, 0.1f}});
        Loss loss = new BinaryCrossentropy().fromLogits(true);
        values(loss.perSample(y, logits), 0.1641706445, 0.2862525862, 0.4557002784, 0.3964920058);
        scalar(loss.call(y, logits), 0.3256538787448987);
        scalar(loss.call(y, logits, W), 0.3046743736273153);
        scalar(new BinaryCrossentropy(true, 0.2, -1).call(y, logits), 0.47440387874489864);
    }

    @Test
    void binaryCrossentropyMeetsLabelsOfShapeBatchWithPredictionsOfShapeBatchByOne() {
        // labels [4] and predictions [4, 1] are compared element by element, not broadcast to [4, 4]
        Tensor y = t(0, 1, 1, 0);
        Tensor p = t(new float[][] {{0.1f}, {0.8f}, {0.6f}, {0.0f}});
        Tensor sameShape = new BinaryCrossentropy().call(y.reshape(4, 1), p);
        scalar(new BinaryCrossentropy().call(y, p), sameShape.item());
        assertThat(sameShape.item()).isLessThan(0.3);
    }
}
