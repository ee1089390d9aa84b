package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Sine (radians). */
public final class Sin extends UnaryOp {
    public Sin() {
        super("sin");
    }

    @Override
    protected double apply(double x) {
        return Math.sin(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.lanewise(VectorOperators.SIN);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], tf.cos(in[0]))};
    }
}
