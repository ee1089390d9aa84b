package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** (a - b)^2, broadcasting. */
public final class SquaredDifference extends BinaryOp {
    public SquaredDifference() {
        super("squared_difference");
    }

    @Override
    protected double apply(double a, double b) {
        return (a - b) * (a - b);
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
        return (a - b) * (a - b);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor twice = tf.mul(tf.mul(g[0], tf.sub(in[0], in[1])), Tensor.scalar(g[0].dtype(), 2));
        return new Tensor[] {unbroadcast(twice, in[0].shape()), unbroadcast(tf.neg(twice), in[1].shape())};
    }
}
