package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** x for x > 0, alpha (exp(x) - 1) otherwise; alpha = 1 as in TensorFlow. */
public final class Elu extends UnaryOp {
    public Elu() {
        super("elu");
    }

    @Override
    protected double apply(double x) {
        return x > 0 ? x : Math.expm1(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.lanewise(VectorOperators.EXPM1).blend(x, x.compare(VectorOperators.GT, 0f));
    }

    /** d elu = 1 for x > 0, exp(x) = elu(x) + 1 otherwise. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor positive = tf.greater(in[0], tf.zerosLike(in[0]));
        Tensor one = Tensor.scalar(out[0].dtype(), 1);
        return new Tensor[] {tf.where(positive, g[0], tf.mul(g[0], tf.add(out[0], one)))};
    }
}
