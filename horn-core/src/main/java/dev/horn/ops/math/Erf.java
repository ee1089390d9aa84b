package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;

import static dev.horn.Tf.tf;

/** The error function 2/sqrt(pi) * integral of e^(-t^2) from 0 to x (see {@link ErfMath} for the accuracy). */
public final class Erf extends UnaryOp {
    public Erf() {
        super("erf");
    }

    @Override
    protected double apply(double x) {
        return ErfMath.erf(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return ErfMath.erf(x);
    }

    /** d erf(x) = 2/sqrt(pi) e^(-x^2). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Tensor density = tf.exp(tf.neg(tf.square(x)));
        return new Tensor[] {tf.mul(g[0], tf.mul(density, Tensor.scalar(x.dtype(), ErfMath.TWO_OVER_SQRT_PI)))};
    }
}
