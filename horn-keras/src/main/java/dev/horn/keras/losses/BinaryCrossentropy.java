package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.KerasLogits;
import dev.horn.keras.internal.LossUtils;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Crossentropy between 0/1 labels and predicted probabilities, Keras'
 * {@code binary_crossentropy}, averaged over the last axis. Keras' clipped formula: p clipped
 * to [1e-7, 1 - 1e-7], then {@code -(y log(p + 1e-7) + (1 - y) log(1 - p + 1e-7))}. With
 * {@code fromLogits(true)} it is the stable {@code max(x, 0) - x y + log(1 + exp(-|x|))}, which
 * is also used, as in tf.keras, for the output of a sigmoid inside a compiled step (taken from the
 * sigmoid's input). Label smoothing replaces y by {@code y (1 - s) + s / 2}.
 */
public final class BinaryCrossentropy extends Loss {
    private final boolean fromLogits;
    private final double labelSmoothing;
    private final int axis;

    /** Keras' defaults: probabilities, no label smoothing, averaged over the last axis. */
    public BinaryCrossentropy() {
        this(false, 0.0, -1);
    }

    public BinaryCrossentropy(boolean fromLogits, double labelSmoothing, int axis) {
        super("binary_crossentropy");
        this.fromLogits = fromLogits;
        this.labelSmoothing = CategoricalCrossentropy.checkSmoothing(name(), labelSmoothing);
        this.axis = axis;
    }

    /** Whether predictions are logits rather than probabilities. */
    public BinaryCrossentropy fromLogits(boolean value) {
        return new BinaryCrossentropy(value, labelSmoothing, axis);
    }

    /** The smoothing amount s in [0, 1]. */
    public BinaryCrossentropy labelSmoothing(double value) {
        return new BinaryCrossentropy(fromLogits, value, axis);
    }

    /** The axis averaged over. */
    public BinaryCrossentropy axis(int value) {
        return new BinaryCrossentropy(fromLogits, labelSmoothing, value);
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        if (labelSmoothing > 0) {
            y = y.mul(1 - labelSmoothing).add(0.5 * labelSmoothing);
        }
        Tensor logits = fromLogits ? yPred : KerasLogits.ofSigmoid(yPred);
        return tf.reduceMean(logits != null ? elementwise(y, logits, true) : elementwise(y, yPred, false), axis);
    }

    /** The unaveraged binary crossentropy of each element (Keras' {@code backend.binary_crossentropy}). */
    static Tensor elementwise(Tensor y, Tensor output, boolean fromLogits) {
        if (fromLogits) {
            // tf.nn.sigmoid_cross_entropy_with_logits
            return tf.relu(output).sub(output.mul(y)).add(tf.log1p(tf.exp(tf.neg(tf.abs(output)))));
        }
        double eps = LossUtils.EPSILON;
        Tensor p = tf.clipByValue(output, eps, 1 - eps);
        Tensor positive = y.mul(tf.log(p.add(eps)));
        Tensor negative = tf.sub(LossUtils.scalar(y, 1), y).mul(tf.log(tf.sub(LossUtils.scalar(p, 1), p).add(eps)));
        return tf.neg(positive.add(negative));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("from_logits", fromLogits);
        config.put("label_smoothing", labelSmoothing);
        config.put("axis", axis);
        return config;
    }
}
