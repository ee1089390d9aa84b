package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** a / b element-wise, broadcasting; integer division truncates toward zero and fails on zero. */
public final class Div extends BinaryOp {
    public Div() {
        super("div");
    }

    @Override
    protected double apply(double a, double b) {
        return a / b;
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        return a.div(b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("div: integer division by zero");
        }
        return a / b;
    }

    /** d(a/b) = g/b, -g*a/b^2. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor a = in[0];
        Tensor b = in[1];
        return new Tensor[] {
            unbroadcast(tf.div(g[0], b), a.shape()),
            unbroadcast(tf.neg(tf.div(tf.mul(g[0], a), tf.mul(b, b))), b.shape())
        };
    }
}
