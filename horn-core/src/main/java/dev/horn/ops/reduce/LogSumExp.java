package dev.horn.ops.reduce;

import dev.horn.Tensor;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * {@code tf.reduce_logsumexp} as a composition: m + log(sum(exp(x - m))) with m the maximum
 * over the axes, held constant (the result does not depend on m, so its gradient is still
 * softmax(x)). A non-finite maximum is replaced by 0, as TensorFlow does, so that all -inf
 * gives -inf and +inf gives +inf instead of NaN.
 */
public final class LogSumExp {
    private LogSumExp() {}

    public static Tensor of(Tensor x, int[] axes, boolean keepDims) {
        ShapeRules.floating("reduce_logsumexp", x.spec());
        Tensor max = new ReduceMax(axes, true).apply(x);
        Tensor m = constantFinite(max);
        Tensor sum = tf.reduceSum(tf.exp(tf.sub(x, m)), axes, true);
        Tensor result = tf.add(tf.log(sum), m);
        if (keepDims) {
            return result;
        }
        return tf.reshape(result, new ReduceMax(axes, false).infer(x.spec())[0].shape().dims());
    }

    /** The maximum with non-finite values set to 0 (inf - inf and NaN are NaN), held constant. */
    private static Tensor constantFinite(Tensor max) {
        Tensor finite = tf.equal(tf.sub(max, max), tf.zerosLike(max));
        return tf.stopGradient(tf.where(finite, max, tf.zerosLike(max)));
    }
}
