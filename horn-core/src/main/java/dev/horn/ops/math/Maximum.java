package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** The larger of a and b, broadcasting; NaN if either is NaN. Integers too. */
public final class Maximum extends BinaryOp {
    public Maximum() {
        super("maximum");
    }

    @Override
    protected double apply(double a, double b) {
        return Math.max(a, b);
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        return a.max(b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        return Math.max(a, b);
    }

    /** The gradient goes to a where a >= b (ties included), else to b, as TensorFlow. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor toA = tf.greaterEqual(in[0], in[1]);
        Tensor zeros = tf.zerosLike(g[0]);
        return new Tensor[] {
            unbroadcast(tf.where(toA, g[0], zeros), in[0].shape()),
            unbroadcast(tf.where(toA, zeros, g[0]), in[1].shape())
        };
    }
}
