package dev.horn.keras.metrics;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.internal.LossUtils;
import java.util.Locale;

import static dev.horn.Tf.tf;

/**
 * The area under the ROC or precision-recall curve, as Keras' {@code AUC}: weighted
 * true/false positive/negative counts at {@code numThresholds} thresholds (200 by default,
 * {@code -1e-7, 1/199, ..., 198/199, 1 + 1e-7}) accumulate over batches, and
 * {@link #result()} sums the areas between neighbouring thresholds. Keras' default summation,
 * {@code interpolation}, is the trapezoidal rule for ROC and Davis and Goadrich's interpolation
 * for PR. Predictions must be probabilities unless {@code fromLogits(true)}.
 * {@snippet :
 * Metric prAuc = new AUC().curve(AUC.Curve.PR).name("pr_auc");
 * }
 */
public final class AUC extends Metric {
    /** Which curve: false positive rate vs recall, or recall vs precision. */
    public enum Curve { ROC, PR }

    /** How each slice's height is taken from the values at its two thresholds. */
    public enum SummationMethod { INTERPOLATION, MINORING, MAJORING }

    private final int numThresholds;
    private final Curve curve;
    private final SummationMethod summationMethod;
    private final double[] explicitThresholds;
    private final boolean fromLogits;
    private final ConfusionMatrix matrix;
    private final Variable truePositives;
    private final Variable trueNegatives;
    private final Variable falsePositives;
    private final Variable falseNegatives;

    /** Keras' defaults: 200 thresholds, ROC, interpolation, probabilities, named {@code auc}. */
    public AUC() {
        this("auc", 200, Curve.ROC, SummationMethod.INTERPOLATION, null, false);
    }

    private AUC(String name, int numThresholds, Curve curve, SummationMethod summationMethod, double[] thresholds,
                boolean fromLogits) {
        super(name);
        float[] all;
        if (thresholds != null) {
            for (double t : thresholds) {
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException(name + ": threshold values must be in [0, 1], got " + t);
                }
            }
            all = ConfusionMatrix.withEnds(thresholds);
        } else {
            if (numThresholds <= 1) {
                throw new IllegalArgumentException(name + ": num_thresholds must be > 1, got " + numThresholds);
            }
            all = ConfusionMatrix.evenThresholds(numThresholds);
        }
        this.numThresholds = all.length;
        this.curve = curve;
        this.summationMethod = summationMethod;
        this.explicitThresholds = thresholds == null ? null : thresholds.clone();
        this.fromLogits = fromLogits;
        this.truePositives = addWeight("true_positives", all.length);
        this.trueNegatives = addWeight("true_negatives", all.length);
        this.falsePositives = addWeight("false_positives", all.length);
        this.falseNegatives = addWeight("false_negatives", all.length);
        this.matrix = new ConfusionMatrix(name, "for logits use fromLogits(true)", all, 0, -1,
                truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    /** The number of evenly spaced thresholds (more gives a finer curve). */
    public AUC numThresholds(int value) {
        return new AUC(name(), value, curve, summationMethod, null, fromLogits);
    }

    public AUC curve(Curve value) {
        return new AUC(name(), numThresholds, value, summationMethod, explicitThresholds, fromLogits);
    }

    /** {@code "ROC"} or {@code "PR"}, as Keras' argument. */
    public AUC curve(String value) {
        return curve(parse(Curve.class, "curve", value));
    }

    public AUC summationMethod(SummationMethod value) {
        return new AUC(name(), numThresholds, curve, value, explicitThresholds, fromLogits);
    }

    /** {@code "interpolation"}, {@code "minoring"} or {@code "majoring"}, as Keras' argument. */
    public AUC summationMethod(String value) {
        return summationMethod(parse(SummationMethod.class, "summation_method", value));
    }

    /** Explicit thresholds in [0, 1] instead of evenly spaced ones; -1e-7 and 1 + 1e-7 are added. */
    public AUC thresholds(double... values) {
        return new AUC(name(), numThresholds, curve, summationMethod, values, fromLogits);
    }

    /** Whether predictions are logits (a sigmoid is applied first). */
    public AUC fromLogits(boolean value) {
        return new AUC(name(), numThresholds, curve, summationMethod, explicitThresholds, value);
    }

    public AUC name(String value) {
        return new AUC(value, numThresholds, curve, summationMethod, explicitThresholds, fromLogits);
    }

    public int numThresholds() {
        return numThresholds;
    }

    @Override
    public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        matrix.update(yTrue, fromLogits ? tf.sigmoid(tf.cast(yPred, DType.FLOAT32)) : yPred, sampleWeight);
    }

    @Override
    public Tensor result() {
        Tensor tp = truePositives.read();
        Tensor fp = falsePositives.read();
        Tensor tn = trueNegatives.read();
        Tensor fn = falseNegatives.read();
        if (curve == Curve.PR && summationMethod == SummationMethod.INTERPOLATION) {
            return interpolatePrAuc(tp, fp, fn);
        }
        Tensor recall = LossUtils.divNoNan(tp, tp.add(fn));
        Tensor x;
        Tensor y;
        if (curve == Curve.ROC) {
            x = LossUtils.divNoNan(fp, fp.add(tn)); // false positive rate
            y = recall;
        } else {
            x = recall;
            y = LossUtils.divNoNan(tp, tp.add(fp)); // precision
        }
        Tensor heights = switch (summationMethod) {
            case INTERPOLATION -> head(y).add(tail(y)).mul(0.5);
            case MINORING -> tf.minimum(head(y), tail(y));
            case MAJORING -> tf.maximum(head(y), tail(y));
        };
        return tf.reduceSum(head(x).sub(tail(x)).mul(heights));
    }

    /**
     * Davis and Goadrich (2006): precision is interpolated linearly in the number of predicted
     * positives between thresholds, and each slice's area integrated in closed form (Keras'
     * {@code interpolate_pr_auc}).
     */
    private Tensor interpolatePrAuc(Tensor tp, Tensor fp, Tensor fn) {
        Tensor zero = LossUtils.scalar(tp, 0);
        Tensor dtp = head(tp).sub(tail(tp));
        Tensor p = tp.add(fp);
        Tensor dp = head(p).sub(tail(p));
        Tensor precisionSlope = LossUtils.divNoNan(dtp, tf.maximum(dp, zero));
        Tensor intercept = tail(tp).sub(precisionSlope.mul(tail(p)));
        Tensor bothPositive = tf.logicalAnd(tf.greater(head(p), zero), tf.greater(tail(p), zero));
        Tensor safePRatio = tf.where(bothPositive, LossUtils.divNoNan(head(p), tf.maximum(tail(p), zero)),
                LossUtils.scalar(tp, 1));
        Tensor increment = LossUtils.divNoNan(precisionSlope.mul(dtp.add(intercept.mul(tf.log(safePRatio)))),
                tf.maximum(tail(tp).add(tail(fn)), zero));
        return tf.reduceSum(increment);
    }

    /** x[:n-1] */
    private Tensor head(Tensor x) {
        return tf.slice(x, new int[] {0}, new int[] {numThresholds - 1});
    }

    /** x[1:] */
    private Tensor tail(Tensor x) {
        return tf.slice(x, new int[] {1}, new int[] {numThresholds - 1});
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String argument, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("auc: invalid " + argument + " '" + value + "', expected one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> type == Curve.class ? e.name()
                : e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
