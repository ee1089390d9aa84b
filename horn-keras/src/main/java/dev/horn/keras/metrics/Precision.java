package dev.horn.keras.metrics;

/**
 * The fraction of predicted positives that are positive, {@code tp / (tp + fp)}, as Keras' {@code Precision}: a prediction counts as positive when it is greater than the threshold (0.5 by
 * default); with {@code topK(k)} only each sample's k highest predictions can be positive (and,
 * without explicit thresholds, all of them are); with {@code classId(i)} only class i is
 * looked at. Labels are positive when non-zero. Several thresholds give one result per threshold.
 * {@snippet :
 * Metric top3 = new Precision().topK(3);
 * }
 */
public final class Precision extends ThresholdedRate {
    /** Keras' defaults: threshold 0.5, every class, named {@code precision}. */
    public Precision() {
        this("precision", null, 0, -1);
    }

    private Precision(String name, double[] thresholds, int topK, int classId) {
        super(name, "false_positives", true, thresholds, topK, classId);
    }

    /** Thresholds in [0, 1]; more than one gives a result per threshold. */
    public Precision thresholds(double... values) {
        return new Precision(name(), values, topK, classId);
    }

    /** Only each sample's k highest predictions may count as positive. */
    public Precision topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException(name() + ": top_k must be >= 1, got " + k);
        }
        return new Precision(name(), explicitThresholds(), k, classId);
    }

    /** Only class {@code id} (the last axis) is looked at. */
    public Precision classId(int id) {
        return new Precision(name(), explicitThresholds(), topK, id);
    }

    public Precision name(String value) {
        return new Precision(value, explicitThresholds(), topK, classId);
    }
}
