package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Shape;
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

    /** A copy the tape does not know (a constant), with non-finite values set to 0. */
    private static Tensor constantFinite(Tensor t) {
        Tensor c = t.contiguous();
        Shape s = c.shape();
        if (c.dtype() == DType.FLOAT32) {
            float[] v = new float[s.size()];
            for (int i = 0; i < v.length; i++) {
                float f = ((float[]) c.storage())[c.offset() + i];
                v[i] = Float.isFinite(f) ? f : 0f;
            }
            return Tensor.wrap(DType.FLOAT32, s, v);
        }
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            double d = c.getDouble(i);
            v[i] = Double.isFinite(d) ? d : 0;
        }
        return Tensor.wrap(DType.FLOAT64, s, v);
    }
}
