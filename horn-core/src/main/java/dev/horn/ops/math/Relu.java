package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** max(x, 0); NaN stays NaN. Integers too. */
public final class Relu extends UnaryOp {
    public Relu() {
        super("relu");
    }

    @Override
    protected double apply(double x) {
        return Math.max(x, 0);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.max(0f);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return Math.max(x, 0);
    }

    /** The upstream gradient where x > 0, else 0 (0 at the kink, as TensorFlow). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        return new Tensor[] {tf.where(tf.greater(x, tf.zerosLike(x)), g[0], tf.zerosLike(g[0]))};
    }
}
