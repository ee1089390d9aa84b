package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** (a - b)^2, broadcasting, in one pass. Integers too. */
public final class SquaredDifference extends BinaryOp {
    public SquaredDifference() {
        super("squared_difference");
    }

    @Override
    protected double apply(double a, double b) {
        double d = a - b;
        return d * d;
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        FloatVector d = a.sub(b);
        return d.mul(d);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        long d = a - b;
        return d * d;
    }

    /** 2 (a - b) g to a, its negative to b. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor slope = tf.mul(g[0], tf.mul(tf.sub(in[0], in[1]), Tensor.scalar(in[0].dtype(), 2)));
        return new Tensor[] {unbroadcast(slope, in[0].shape()), unbroadcast(tf.neg(slope), in[1].shape())};
    }
}
