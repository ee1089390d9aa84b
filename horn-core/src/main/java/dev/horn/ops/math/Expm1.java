package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** e^x - 1, accurate for small x. */
public final class Expm1 extends UnaryOp {
    public Expm1() {
        super("expm1");
    }

    @Override
    protected double apply(double x) {
        return Math.expm1(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return VectorMath.expm1(x);
    }

    /** d (e^x - 1) = e^x = out + 1. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], tf.add(out[0], Tensor.scalar(out[0].dtype(), 1)))};
    }
}
