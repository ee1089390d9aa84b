package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;

import static dev.horn.Tf.tf;

/**
 * Cosine (radians). Float32 too goes through {@code Math.cos} element by element: the Vector
 * API's COS lanes round differently once compiled, which made seeded runs depend on the JIT.
 */
public final class Cos extends UnaryOp {
    public Cos() {
        super("cos");
    }

    @Override
    protected double apply(double x) {
        return Math.cos(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.neg(tf.mul(g[0], tf.sin(in[0])))};
    }
}
