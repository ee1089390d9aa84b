package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** x * x; integers too (wrapping on overflow, as TensorFlow). */
public final class Square extends UnaryOp {
    public Square() {
        super("square");
    }

    @Override
    protected double apply(double x) {
        return x * x;
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.mul(x);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return x * x;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        return new Tensor[] {tf.mul(g[0], tf.mul(x, Tensor.scalar(x.dtype(), 2)))};
    }
}
