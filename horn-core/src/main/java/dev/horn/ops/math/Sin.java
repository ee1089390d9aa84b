package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;

import static dev.horn.Tf.tf;

/**
 * Sine (radians). Float32 too goes through {@code Math.sin} element by element: the Vector API's
 * SIN lanes round differently once compiled, which made seeded runs depend on the JIT.
 */
public final class Sin extends UnaryOp {
    public Sin() {
        super("sin");
    }

    @Override
    protected double apply(double x) {
        return Math.sin(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], tf.cos(in[0]))};
    }
}
