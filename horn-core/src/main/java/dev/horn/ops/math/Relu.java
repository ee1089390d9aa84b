package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** max(x, 0). */
public final class Relu extends UnaryOp {
    public Relu() {
        super("relu");
    }

    @Override
    protected double apply(double x) {
        return Double.isNaN(x) || x > 0 ? x : 0;
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.max(0f);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.where(tf.greater(in[0], tf.zerosLike(in[0])), g[0], tf.zerosLike(g[0]))};
    }
}
