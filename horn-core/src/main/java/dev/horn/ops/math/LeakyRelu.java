package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** x for x > 0, else alpha x (tf.nn.leaky_relu; its default alpha is 0.2, Keras' layer uses 0.3). */
public final class LeakyRelu extends UnaryOp {
    private final double alpha;

    public LeakyRelu(double alpha) {
        super("leaky_relu");
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String attributes() {
        return "alpha=" + alpha;
    }

    @Override
    protected double apply(double x) {
        return x > 0 ? x : alpha * x;
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.mul((float) alpha).blend(x, x.compare(VectorOperators.GT, 0f));
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Tensor below = tf.mul(g[0], Tensor.scalar(x.dtype(), alpha));
        return new Tensor[] {tf.where(tf.greater(x, tf.zerosLike(x)), g[0], below)};
    }
}
