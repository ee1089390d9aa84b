package dev.horn.keras.losses;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.internal.KerasLogits;
import dev.horn.keras.internal.LossUtils;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Crossentropy between integer class labels and predicted class probabilities (or logits),
 * Keras' {@code sparse_categorical_crossentropy}: {@code -log(yPred[label])}. Labels have the
 * predictions' shape without the class axis ([batch] for [batch, classes]), or that shape with a
 * trailing 1 ([batch, 1]). As Keras, probabilities are clipped to [1e-7, 1 - 1e-7] and then
 * normalised to sum to one; the output of a softmax inside a compiled step is taken from its
 * logits instead, as tf.keras does.
 */
public final class SparseCategoricalCrossentropy extends Loss {
    private final boolean fromLogits;

    /** Keras' default: predictions are probabilities. */
    public SparseCategoricalCrossentropy() {
        this(false);
    }

    public SparseCategoricalCrossentropy(boolean fromLogits) {
        super("sparse_categorical_crossentropy");
        this.fromLogits = fromLogits;
    }

    /** Whether predictions are logits rather than probabilities. */
    public SparseCategoricalCrossentropy fromLogits(boolean value) {
        return new SparseCategoricalCrossentropy(value);
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor labels = sparseLabels(name(), yTrue, yPred);
        int classes = yPred.shape().dim(yPred.rank() - 1);
        checkRange(labels, classes);
        Tensor logits = fromLogits ? yPred : KerasLogits.ofSoftmax(yPred, -1);
        if (logits == null) {
            logits = tf.log(tf.clipByValue(yPred, LossUtils.EPSILON, 1 - LossUtils.EPSILON));
        }
        Tensor picked = tf.oneHot(tf.cast(labels, DType.INT32), classes, 1, 0, -1, yPred.dtype());
        return tf.softmaxCrossEntropyWithLogits(picked, logits);
    }

    /**
     * Integer labels shaped like the predictions without their class axis, a trailing size-1
     * axis dropped; a clear error for one-hot or mis-shaped labels.
     */
    static Tensor sparseLabels(String name, Tensor yTrue, Tensor yPred) {
        Tensor labels = yTrue;
        if (labels.rank() == yPred.rank() && labels.rank() > 0 && labels.shape().dim(labels.rank() - 1) == 1) {
            labels = tf.squeeze(labels, -1);
        }
        int[] dims = java.util.Arrays.copyOf(yPred.shape().dims(), Math.max(yPred.rank() - 1, 0));
        Shape expected = Shape.of(dims);
        if (yPred.rank() == 0 || labels.rank() != expected.rank() || !compatible(labels.shape(), expected)) {
            int[] withOne = java.util.Arrays.copyOf(dims, dims.length + 1);
            withOne[dims.length] = 1;
            throw new IllegalArgumentException(name + ": labels of shape " + yTrue.shape()
                    + " do not match predictions of shape " + yPred.shape() + "; expected integer class indices of shape "
                    + expected + " or " + Shape.of(withOne) + "; use categorical_crossentropy for one-hot labels");
        }
        return labels;
    }

    private static boolean compatible(Shape a, Shape b) {
        for (int i = 0; i < a.rank(); i++) {
            if (a.dim(i) != Shape.UNKNOWN && b.dim(i) != Shape.UNKNOWN && a.dim(i) != b.dim(i)) {
                return false;
            }
        }
        return true;
    }

    /** TensorFlow's eager check; a traced step cannot look at values, so it is skipped there. */
    private void checkRange(Tensor labels, int classes) {
        if (labels.isSymbolic() || labels.size() == 0) {
            return;
        }
        double[] values = labels.toDoubleArray();
        for (double v : values) {
            if (!(v >= 0 && v < classes)) {
                throw new IllegalArgumentException(name() + ": received a label value of " + formatLabel(v)
                        + " which is outside the valid range of [0, " + classes + ")");
            }
        }
    }

    private static String formatLabel(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("from_logits", fromLogits);
        return config;
    }
}
