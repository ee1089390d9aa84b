package dev.horn.keras.metrics;

/**
 * The fraction of positives that are predicted positive, {@code tp / (tp + fn)}, as Keras' {@code Recall}: a prediction counts as positive when it is greater than the threshold (0.5 by
 * default); with {@code topK(k)} only each sample's k highest predictions can be positive (and,
 * without explicit thresholds, all of them are); with {@code classId(i)} only class i is
 * looked at. Labels are positive when non-zero. Several thresholds give one result per threshold.
 * {@snippet :
 * Metric top3 = new Recall().topK(3);
 * }
 */
public final class Recall extends ThresholdedRate {
    /** Keras' defaults: threshold 0.5, every class, named {@code recall}. */
    public Recall() {
        this("recall", null, 0, -1);
    }

    private Recall(String name, double[] thresholds, int topK, int classId) {
        super(name, "false_negatives", false, thresholds, topK, classId);
    }

    /** Thresholds in [0, 1]; more than one gives a result per threshold. */
    public Recall thresholds(double... values) {
        return new Recall(name(), values, topK, classId);
    }

    /** Only each sample's k highest predictions may count as positive. */
    public Recall topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException(name() + ": top_k must be >= 1, got " + k);
        }
        return new Recall(name(), explicitThresholds(), k, classId);
    }

    /** Only class {@code id} (the last axis) is looked at. */
    public Recall classId(int id) {
        return new Recall(name(), explicitThresholds(), topK, id);
    }

    public Recall name(String value) {
        return new Recall(value, explicitThresholds(), topK, classId);
    }
}
