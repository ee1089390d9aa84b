package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** 1 / sqrt(x). */
public final class Rsqrt extends UnaryOp {
    public Rsqrt() {
        super("rsqrt");
    }

    @Override
    protected double apply(double x) {
        return 1 / Math.sqrt(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return FloatVector.broadcast(F, 1f).div(x.lanewise(VectorOperators.SQRT));
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor cube = tf.mul(out[0], tf.mul(out[0], out[0]));
        return new Tensor[] {tf.mul(g[0], tf.mul(cube, Tensor.scalar(cube.dtype(), -0.5)))};
    }
}
