package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;

import static dev.horn.Tf.tf;

/** The error function. */
public final class Erf extends UnaryOp {
    public Erf() {
        super("erf");
    }

    @Override
    protected double apply(double x) {
        return ErfFunction.erf(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Tensor k = Tensor.scalar(x.dtype(), 2 / Math.sqrt(Math.PI));
        return new Tensor[] {tf.mul(g[0], tf.mul(k, tf.exp(tf.neg(tf.square(x)))))};
    }
}
