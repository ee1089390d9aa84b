package dev.horn.keras.utils;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * Array helpers of Keras' {@code keras.utils} ({@code to_categorical}, {@code normalize}) and of
 * R's {@code array_reshape}, for preparing data before {@code fit}:
 * {@snippet :
 * TrainTest mnist = Mnist.load();
 * Tensor x = arrayReshape(mnist.train().x(), 60000, 28 * 28).cast(DType.FLOAT32).div(255);
 * Tensor y = toCategorical(mnist.train().y(), 10);   // float32 [60000, 10]
 * }
 */
public final class NumericalUtils {
    private NumericalUtils() {
    }

    /**
     * Reshapes {@code x} to {@code dims} reading and writing the elements in row-major (C)
     * order, as R's {@code array_reshape(x, dim)} and numpy's {@code reshape}. One dimension may
     * be -1 and is then inferred.
     *
     * <p>R's own {@code dim(x) <- dims} fills column-major (Fortran) order instead: on a 2x3
     * matrix whose rows are (1 2 3) and (4 5 6), {@code dim<-} to 3x2 gives rows (1 4) (2 5)
     * (3 6) — the stored column order — while {@code array_reshape} gives (1 2) (3 4) (5 6),
     * the layout Keras and Horn use. Horn tensors are row-major, so this is a plain reshape.
     */
    public static Tensor arrayReshape(Tensor x, int... dims) {
        return tf.reshape(x, dims);
    }

    /**
     * One-hot encodes integer class labels, as Keras' {@code to_categorical}: a float32 tensor
     * of {@code y}'s shape plus a last axis of {@code numClasses}, 1 at each label's index and 0
     * elsewhere. A trailing axis of size 1 is dropped first ({@code [n, 1]} labels give
     * {@code [n, numClasses]}). Labels may be of an integer dtype or floating point with
     * integral values; one outside {@code [0, numClasses)} is an error that names it.
     */
    public static Tensor toCategorical(Tensor y, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("toCategorical: numClasses must be positive, got " + numClasses);
        }
        int[] labels = labels(y);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("toCategorical: label " + labels[i] + " at index " + i
                        + " is out of range for numClasses=" + numClasses + " (labels must be in 0.." + (numClasses - 1) + ")");
            }
        }
        int[] dims = y.shape().dims();
        if (dims.length > 1 && dims[dims.length - 1] == 1) {
            dims = Arrays.copyOf(dims, dims.length - 1);
        }
        return tf.oneHot(Tensor.wrap(DType.INT32, Shape.of(dims), labels), numClasses);
    }

    /** {@link #toCategorical(Tensor, int)} with {@code numClasses} = the largest label + 1, as Keras when it is not given. */
    public static Tensor toCategorical(Tensor y) {
        int max = -1;
        for (int label : labels(y)) {
            max = Math.max(max, label);
        }
        if (max < 0) {
            throw new IllegalArgumentException("toCategorical: cannot infer numClasses from " + (y.size() == 0
                    ? "an empty label tensor" : "labels that are all negative") + "; pass numClasses");
        }
        return toCategorical(y, max + 1);
    }

    private static int[] labels(Tensor y) {
        return switch (y.dtype()) {
            case INT32 -> y.toIntArray();
            case INT64 -> {
                long[] v = y.toLongArray();
                int[] out = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != (int) v[i]) {
                        throw new IllegalArgumentException("toCategorical: label " + v[i] + " at index " + i + " does not fit an int");
                    }
                    out[i] = (int) v[i];
                }
                yield out;
            }
            case FLOAT32, FLOAT64 -> {
                double[] v = y.toDoubleArray();
                int[] out = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("toCategorical: label " + v[i] + " at index " + i
                                + " is not an integer; class labels must be whole numbers");
                    }
                    out[i] = (int) v[i];
                }
                yield out;
            }
            case BOOL, STRING -> throw new IllegalArgumentException("toCategorical: labels must be integers, got a "
                    + y.dtype() + " tensor");
        };
    }

    /** {@link #normalize(Tensor, int, double)} along the last axis with the L2 norm, Keras' defaults. */
    public static Tensor normalize(Tensor x) {
        return normalize(x, -1, 2);
    }

    /**
     * Scales {@code x} so that its vectors along {@code axis} have unit norm, as Keras'
     * {@code keras.utils.normalize(x, axis, order)}: {@code order} 2 is the Euclidean norm, 1
     * the sum of absolute values, {@code Double.POSITIVE_INFINITY} the largest absolute value,
     * 0 the number of non-zero elements, any other p {@code sum(|x|^p)^(1/p)}. Vectors whose
     * norm is 0 are returned unchanged (Keras divides them by 1). Integer input gives float32;
     * floating point input keeps its dtype.
     */
    public static Tensor normalize(Tensor x, int axis, double order) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException("normalize: x must have at least one axis, got a scalar");
        }
        Tensor v = x.dtype() == DType.FLOAT32 || x.dtype() == DType.FLOAT64 ? x : tf.cast(x, DType.FLOAT32);
        int[] axes = {x.shape().normalizeAxis(axis)};
        Tensor abs = tf.abs(v);
        Tensor norm;
        if (order == Double.POSITIVE_INFINITY) {
            norm = tf.reduceMax(abs, axes, true);
        } else if (order == Double.NEGATIVE_INFINITY) {
            norm = tf.reduceMin(abs, axes, true);
        } else if (order == 0) {
            norm = tf.reduceSum(tf.cast(tf.notEqual(v, Tensor.scalar(v.dtype(), 0)), v.dtype()), axes, true);
        } else if (order == 1) {
            norm = tf.reduceSum(abs, axes, true);
        } else if (order == 2) {
            norm = tf.sqrt(tf.reduceSum(tf.square(v), axes, true));
        } else if (Double.isNaN(order)) {
            throw new IllegalArgumentException("normalize: order must be a number, got NaN");
        } else {
            norm = tf.reduceSum(abs.pow(order), axes, true).pow(1 / order);
        }
        Tensor safe = tf.where(tf.equal(norm, Tensor.scalar(v.dtype(), 0)), Tensor.scalar(v.dtype(), 1), norm);
        return tf.div(v, safe);
    }
}
