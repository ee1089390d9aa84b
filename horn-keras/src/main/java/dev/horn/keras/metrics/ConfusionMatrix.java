package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/**
 * Weighted true/false positive/negative counts at a list of thresholds, as Keras'
 * {@code metrics_utils.update_confusion_matrix_variables}: a prediction is positive at threshold
 * t when it is strictly greater than t; a label is positive when it is non-zero. Any of the four
 * variables (each of shape [thresholds]) may be null when a metric does not need it;
 * {@code topK} 0 and {@code classId} -1 mean none; {@code rangeHint} ends the message for
 * predictions outside [0, 1].
 */
record ConfusionMatrix(String metric, String rangeHint, float[] thresholds, int topK, int classId,
                       Variable truePositives, Variable falsePositives, Variable trueNegatives, Variable falseNegatives) {
    /** Keras' stand-in for minus infinity, given to predictions outside the top k. */
    static final double NEG_INF = -1e10;

    void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor p = tf.cast(yPred, DType.FLOAT32);
        checkProbabilities(p);
        Tensor[] aligned = LossUtils.alignLabels(tf.cast(yTrue, DType.FLOAT32), p);
        Tensor t = aligned[0];
        p = aligned[1];
        LossUtils.checkSameShape(metric, t, p, null);
        if (topK > 0) {
            p = filterTopK(p, topK);
        }
        if (classId >= 0) {
            Tensor index = Tensor.scalar(classId);
            t = tf.gather(t, index, t.rank() - 1);
            p = tf.gather(p, index, p.rank() - 1);
        }
        Tensor weights = null;
        if (sampleWeight != null) {
            weights = tf.reshape(LossUtils.broadcastWeights(LossUtils.alignWeights(p, sampleWeight), p), 1, -1);
        }
        Tensor predPositive = tf.greater(tf.reshape(p, 1, -1), Tensor.of(thresholds, thresholds.length, 1)); // [T, N]
        Tensor labelPositive = tf.reshape(tf.cast(t, DType.BOOL), 1, -1);                                 // [1, N]
        Tensor predNegative = tf.logicalNot(predPositive);
        Tensor labelNegative = tf.logicalNot(labelPositive);
        add(truePositives, labelPositive, predPositive, weights);
        add(falsePositives, labelNegative, predPositive, weights);
        add(trueNegatives, labelNegative, predNegative, weights);
        add(falseNegatives, labelPositive, predNegative, weights);
    }

    private static void add(Variable counts, Tensor label, Tensor pred, Tensor weights) {
        if (counts == null) {
            return;
        }
        Tensor both = tf.cast(tf.logicalAnd(label, pred), DType.FLOAT32);
        if (weights != null) {
            both = both.mul(weights);
        }
        counts.assignAdd(tf.reduceSum(both, 1));
    }

    /** Predictions outside each row's top k set to NEG_INF (Keras' {@code _filter_top_k}). */
    static Tensor filterTopK(Tensor x, int k) {
        int classes = x.shape().dim(x.rank() - 1);
        Tensor indices = tf.topK(x, k, false)[1];
        Tensor mask = tf.reduceSum(tf.oneHot(indices, classes, 1, 0, -1, x.dtype()), -2);
        return x.mul(mask).add(tf.sub(LossUtils.scalar(mask, 1), mask).mul(NEG_INF));
    }

    /** Keras asserts predictions lie in [0, 1]; values can only be looked at eagerly. */
    private void checkProbabilities(Tensor p) {
        if (p.isSymbolic() || p.size() == 0) {
            return;
        }
        for (float v : p.toFloatArray()) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(metric + ": predictions must be in [0, 1], got a value of " + v
                        + "; " + rangeHint);
            }
        }
    }

    /** Keras' AUC thresholds: -1e-7, then i / (n - 1) for i = 1 .. n - 2, then 1 + 1e-7. */
    static float[] evenThresholds(int numThresholds) {
        double[] inner = new double[numThresholds - 2];
        for (int i = 0; i < inner.length; i++) {
            inner[i] = (i + 1) * 1.0 / (numThresholds - 1);
        }
        return withEnds(inner);
    }

    /** Explicit thresholds with Keras' -1e-7 and 1 + 1e-7 added at the ends. */
    static float[] withEnds(double[] inner) {
        float[] all = new float[inner.length + 2];
        all[0] = (float) (0.0 - LossUtils.EPSILON);
        for (int i = 0; i < inner.length; i++) {
            all[i + 1] = (float) inner[i];
        }
        all[all.length - 1] = (float) (1.0 + LossUtils.EPSILON);
        return all;
    }
}
