package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** |x|; integers too (the most negative integer stays itself, as in TensorFlow). */
public final class Abs extends UnaryOp {
    public Abs() {
        super("abs");
    }

    @Override
    protected double apply(double x) {
        return Math.abs(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.abs();
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return Math.abs(x);
    }

    /** d|x| = sign(x): zero at the kink, as TensorFlow. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], tf.sign(in[0]))};
    }
}
