package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * The few element-wise functions the update rules need that the op set did not have when the
 * optimizers were written, built from the ops that existed. Each is one line so that it can
 * become {@code tf.sqrt}, {@code tf.square}, {@code tf.abs}, {@code tf.maximum},
 * {@code tf.minimum} once those ops exist.
 */
final class OptimizerMath {
    private OptimizerMath() {}

    static Tensor scalar(DType dtype, double value) {
        return Tensor.scalar(dtype, value);
    }

    static Tensor sqrt(Tensor x) {
        return tf.pow(x, scalar(x.dtype(), 0.5));
    }

    static Tensor square(Tensor x) {
        return tf.mul(x, x);
    }

    static Tensor abs(Tensor x) {
        return tf.where(tf.greater(x, scalar(x.dtype(), 0)), x, tf.neg(x));
    }

    static Tensor maximum(Tensor a, Tensor b) {
        return tf.where(tf.greater(b, a), b, a);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return tf.where(tf.greater(a, b), b, a);
    }

    /** x cast to dtype, or x itself when it already has it. */
    static Tensor castTo(Tensor x, DType dtype) {
        return x.dtype() == dtype ? x : tf.cast(x, dtype);
    }
}
