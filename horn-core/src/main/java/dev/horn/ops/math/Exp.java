package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** e^x. */
public final class Exp extends UnaryOp {
    public Exp() {
        super("exp");
    }

    @Override
    protected double apply(double x) {
        return Math.exp(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return VectorMath.exp(x);
    }

    /** d exp(x) = exp(x): reuse the output. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], out[0])};
    }
}
