package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Product over axes. */
public final class ReduceProd extends ReduceOp {
    public ReduceProd(int[] axes, boolean keepDims) {
        super("reduce_prod", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 1;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc * x;
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MUL;
    }

    /**
     * d prod / d x_i = prod / x_i. Written as a division, so an input containing exact zeros
     * gets NaN or infinite gradients there (TensorFlow's cumulative-product form avoids that).
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor prod = tf.broadcastTo(expandToInput(out[0], in[0].shape()), in[0].shape().dims());
        Tensor up = tf.broadcastTo(expandToInput(g[0], in[0].shape()), in[0].shape().dims());
        return new Tensor[] {tf.div(tf.mul(up, prod), in[0])};
    }
}
