package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** x for x > 0, alpha x otherwise (tf.nn.leaky_relu; alpha 0.2 by default there, 0.3 in the Keras layer). */
public final class LeakyRelu extends UnaryOp {
    private final double alpha;

    public LeakyRelu(double alpha) {
        super("leaky_relu");
        this.alpha = alpha;
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
        Tensor positive = tf.greater(in[0], tf.zerosLike(in[0]));
        return new Tensor[] {tf.where(positive, g[0], tf.mul(g[0], Tensor.scalar(g[0].dtype(), alpha)))};
    }
}
