package dev.horn.keras.metrics;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * What {@link Precision} and {@link Recall} share: true positives over true positives plus
 * another count (false positives or false negatives), at one or more thresholds, optionally
 * only for the top k predictions of each sample or for one class.
 */
abstract sealed class ThresholdedRate extends Metric permits Precision, Recall {
    final double[] thresholds;
    private final double[] explicitThresholds;
    final int topK;
    final int classId;
    private final Variable truePositives;
    private final Variable others;
    private final ConfusionMatrix matrix;

    /** {@code thresholds} null means Keras' default: 0.5, or everything in the top k when topK is set. */
    ThresholdedRate(String name, String otherName, boolean othersArePositives, double[] thresholds, int topK, int classId) {
        super(name);
        if (thresholds != null) {
            if (thresholds.length == 0) {
                throw new IllegalArgumentException(name + ": thresholds must not be empty");
            }
            for (double t : thresholds) {
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException(name + ": threshold values must be in [0, 1], got " + t);
                }
            }
        }
        if (topK < 0) {
            throw new IllegalArgumentException(name + ": top_k must be >= 1, got " + topK);
        }
        this.explicitThresholds = thresholds == null ? null : thresholds.clone();
        this.thresholds = thresholds == null ? new double[] {topK > 0 ? ConfusionMatrix.NEG_INF : 0.5} : thresholds.clone();
        this.topK = topK;
        this.classId = classId;
        float[] t = new float[this.thresholds.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) this.thresholds[i];
        }
        this.truePositives = addWeight("true_positives", t.length);
        this.others = addWeight(otherName, t.length);
        this.matrix = new ConfusionMatrix(name, "apply a sigmoid or softmax to logits first", t, topK, classId,
                truePositives, othersArePositives ? others : null, null, othersArePositives ? null : others);
    }

    /** The thresholds given by the user, or null for the default. */
    double[] explicitThresholds() {
        return explicitThresholds == null ? null : explicitThresholds.clone();
    }

    /** The thresholds in use. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        matrix.update(yTrue, yPred, sampleWeight);
    }

    /** A scalar for one threshold, else one value per threshold. */
    @Override
    public Tensor result() {
        Tensor tp = truePositives.read();
        Tensor rate = LossUtils.divNoNan(tp, tp.add(others.read()));
        return thresholds.length == 1 ? tf.squeeze(rate, 0) : rate;
    }
}
