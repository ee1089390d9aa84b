package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** x / (1 + |x|). */
public final class Softsign extends UnaryOp {
    public Softsign() {
        super("softsign");
    }

    @Override
    protected double apply(double x) {
        return x / (1 + Math.abs(x));
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.div(x.abs().add(1f));
    }

    /** d softsign(x) = 1 / (1 + |x|)^2. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        return new Tensor[] {tf.div(g[0], tf.square(tf.add(tf.abs(x), Tensor.scalar(x.dtype(), 1))))};
    }
}
