package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** x for x > 0, else e^x - 1 (tf.nn.elu, alpha 1). */
public final class Elu extends UnaryOp {
    public Elu() {
        super("elu");
    }

    @Override
    protected double apply(double x) {
        return x > 0 ? x : Math.expm1(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return VectorMath.expm1(x.min(0f)).blend(x, x.compare(VectorOperators.GT, 0f));
    }

    /** 1 for x > 0, else e^x = out + 1. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Tensor below = tf.mul(g[0], tf.add(out[0], Tensor.scalar(x.dtype(), 1)));
        return new Tensor[] {tf.where(tf.greater(x, tf.zerosLike(x)), g[0], below)};
    }
}
