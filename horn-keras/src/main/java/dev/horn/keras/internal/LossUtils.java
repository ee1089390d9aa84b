package dev.horn.keras.internal;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Shape alignment and safe arithmetic shared by losses and metrics, as Keras' {@code losses_utils}
 * and {@code metrics_utils}. Everything is written with ops and works on symbolic tensors, also
 * when the batch dimension is unknown.
 */
public final class LossUtils {
    /** Keras' {@code backend.epsilon()}. */
    public static final double EPSILON = 1e-7;

    private LossUtils() {}

    /**
     * Keras' {@code squeeze_or_expand_dimensions(y_pred, y_true)}: drops a trailing size-1 axis
     * from whichever of the two has one more axis than the other, so that labels of shape
     * [batch] meet predictions of shape [batch, 1] element by element instead of broadcasting to
     * [batch, batch]. Returns {yTrue, yPred}.
     */
    public static Tensor[] alignLabels(Tensor yTrue, Tensor yPred) {
        int diff = yPred.rank() - yTrue.rank();
        if (diff != 1 || lastDim(yPred) == 1) {
            if (diff == 1 && lastDim(yPred) == 1) {
                yPred = tf.squeeze(yPred, -1);
            } else if (diff == -1 && lastDim(yTrue) == 1) {
                yTrue = tf.squeeze(yTrue, -1);
            }
        }
        return new Tensor[] {yTrue, yPred};
    }

    /**
     * Sample weights cast to the values' dtype and brought to their rank the Keras way: a
     * trailing axis dropped when the weights have one more, added when they have one fewer.
     */
    public static Tensor alignWeights(Tensor values, Tensor sampleWeight) {
        Tensor w = tf.cast(sampleWeight, values.dtype());
        int wr = w.rank();
        int vr = values.rank();
        if (wr == 0) {
            return w;
        }
        if (wr - vr == 1 && lastDim(w) == 1) {
            return tf.squeeze(w, -1);
        }
        if (vr - wr == 1) {
            return tf.expandDims(w, -1);
        }
        return w;
    }

    /** Ones of x's shape and dtype (float for bool x), also when x's shape is only known at run time. */
    public static Tensor onesLike(Tensor x) {
        DType dtype = x.dtype() == DType.BOOL ? DType.FLOAT32 : x.dtype();
        if (x.shape().isFullyDefined()) {
            return tf.ones(dtype, x.shape().dims());
        }
        Tensor one = Tensor.scalar(dtype, 1);
        Tensor always = x.dtype() == DType.BOOL ? tf.logicalOr(x, tf.logicalNot(x)) : tf.equal(x, x);
        return tf.where(always, one, one); // both branches are 1, so NaN in x does not matter
    }

    /** The weights broadcast to the values' shape (weights already aligned). */
    public static Tensor broadcastWeights(Tensor weights, Tensor values) {
        return tf.mul(weights, onesLike(values));
    }

    /** The number of elements of x as a scalar of the given dtype. */
    public static Tensor size(Tensor x, DType dtype) {
        if (x.shape().isFullyDefined()) {
            return Tensor.scalar(dtype, x.size());
        }
        return tf.reduceSum(tf.cast(onesLike(x), dtype));
    }

    /** a / b, and 0 where b is 0 (tf.math.divide_no_nan). */
    public static Tensor divNoNan(Tensor a, Tensor b) {
        Tensor zero = Tensor.scalar(b.dtype(), 0);
        Tensor isZero = tf.equal(b, zero);
        Tensor safe = tf.where(isZero, Tensor.scalar(b.dtype(), 1), b);
        return tf.where(isZero, zero, tf.div(a, safe));
    }

    /** x / max(||x||, sqrt(1e-12)) along axis (tf.math.l2_normalize). */
    public static Tensor l2Normalize(Tensor x, int axis) {
        Tensor squareSum = tf.reduceSum(tf.square(x), new int[] {axis}, true);
        return tf.mul(x, tf.rsqrt(tf.maximum(squareSum, Tensor.scalar(x.dtype(), 1e-12))));
    }

    /** A scalar of x's dtype. */
    public static Tensor scalar(Tensor like, double value) {
        return Tensor.scalar(like.dtype(), value);
    }

    /**
     * Fails with Keras' kind of message when labels are not shaped like the predictions (unknown
     * dimensions match anything).
     */
    public static void checkSameShape(String lossName, Tensor yTrue, Tensor yPred, String hint) {
        Shape t = yTrue.shape();
        Shape p = yPred.shape();
        boolean compatible = t.rank() == p.rank();
        for (int i = 0; compatible && i < t.rank(); i++) {
            int a = t.dim(i);
            int b = p.dim(i);
            compatible = a == Shape.UNKNOWN || b == Shape.UNKNOWN || a == b;
        }
        if (!compatible) {
            throw new IllegalArgumentException(lossName + ": labels of shape " + t + " do not match predictions of shape "
                    + p + (hint == null ? "" : "; " + hint));
        }
    }

    private static int lastDim(Tensor x) {
        return x.rank() == 0 ? Shape.UNKNOWN : x.shape().dim(x.rank() - 1);
    }
}
