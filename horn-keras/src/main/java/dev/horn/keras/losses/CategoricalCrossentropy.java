package dev.horn.keras.losses;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;
import dev.horn.keras.internal.KerasLogits;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Crossentropy between one-hot (or soft) labels and predicted class probabilities, Keras'
 * {@code categorical_crossentropy}: {@code -sum(yTrue * log(yPred), axis)}. Probabilities are
 * first divided by their sum along the axis and clipped to [1e-7, 1 - 1e-7]; with
 * {@code fromLogits(true)} the predictions are logits and go through a log-softmax instead. As in
 * tf.keras, predictions that a softmax produced inside a compiled step (a layer with
 * {@code activation("softmax")}) count as logits: the loss is taken from the softmax's input in
 * one stable op ({@code softmax_cross_entropy_with_logits}), without clipping.
 * Label smoothing replaces yTrue by {@code yTrue * (1 - s) + s / classes}.
 * {@snippet :
 * Loss loss = new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1);
 * }
 */
public final class CategoricalCrossentropy extends Loss {
    private final boolean fromLogits;
    private final double labelSmoothing;
    private final int axis;

    /** Keras' defaults: probabilities, no label smoothing, classes along the last axis. */
    public CategoricalCrossentropy() {
        this(false, 0.0, -1);
    }

    public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, int axis) {
        super("categorical_crossentropy");
        this.fromLogits = fromLogits;
        this.labelSmoothing = checkSmoothing(name(), labelSmoothing);
        this.axis = axis;
    }

    /** Whether predictions are logits rather than probabilities. */
    public CategoricalCrossentropy fromLogits(boolean value) {
        return new CategoricalCrossentropy(value, labelSmoothing, axis);
    }

    /** The smoothing amount s in [0, 1]. */
    public CategoricalCrossentropy labelSmoothing(double value) {
        return new CategoricalCrossentropy(fromLogits, value, axis);
    }

    /** The class axis. */
    public CategoricalCrossentropy axis(int value) {
        return new CategoricalCrossentropy(fromLogits, labelSmoothing, value);
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        LossUtils.checkSameShape(name(), yTrue, yPred,
                "use sparse_categorical_crossentropy for integer labels or toCategorical");
        Tensor labels = tf.cast(yTrue, yPred.dtype());
        int classAxis = Shape.normalizeAxis(axis, yPred.rank());
        if (labelSmoothing > 0) {
            int classes = yPred.shape().dim(classAxis);
            labels = labels.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        }
        Tensor logits = fromLogits ? yPred : KerasLogits.ofSoftmax(yPred, classAxis);
        if (logits != null && classAxis == yPred.rank() - 1) {
            return tf.softmaxCrossEntropyWithLogits(labels, logits);
        }
        Tensor logProbabilities;
        if (fromLogits) {
            logProbabilities = tf.logSoftmax(yPred, classAxis);
        } else {
            Tensor p = yPred.div(tf.reduceSum(yPred, new int[] {classAxis}, true));
            logProbabilities = tf.log(tf.clipByValue(p, LossUtils.EPSILON, 1 - LossUtils.EPSILON));
        }
        return tf.neg(tf.reduceSum(labels.mul(logProbabilities), classAxis));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("from_logits", fromLogits);
        config.put("label_smoothing", labelSmoothing);
        config.put("axis", axis);
        return config;
    }

    static double checkSmoothing(String loss, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(loss + ": label_smoothing must be in [0, 1], got " + labelSmoothing);
        }
        return labelSmoothing;
    }
}
