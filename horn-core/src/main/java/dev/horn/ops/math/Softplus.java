package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** log(1 + e^x), computed as log1p(e^-|x|) + max(x, 0): no overflow for large x, no cancellation for small. */
public final class Softplus extends UnaryOp {
    public Softplus() {
        super("softplus");
    }

    @Override
    protected double apply(double x) {
        return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        FloatVector tail = VectorMath.log1p(VectorMath.exp(x.abs().neg()));
        return tail.add(x.max(0f));
    }

    /** d softplus(x) = sigmoid(x). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.mul(g[0], tf.sigmoid(in[0]))};
    }
}
