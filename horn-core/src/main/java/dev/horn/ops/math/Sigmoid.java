package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/**
 * 1 / (1 + e^-x), computed from z = e^-|x| (never overflows) as 1/(1+z) for x >= 0 and
 * z/(1+z) below, so large negative x keep their tiny values instead of rounding to 0 early.
 */
public final class Sigmoid extends UnaryOp {
    public Sigmoid() {
        super("sigmoid");
    }

    @Override
    protected double apply(double x) {
        double z = Math.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + z) : z / (1 + z);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        FloatVector z = VectorMath.exp(x.abs().neg());
        FloatVector r = x.broadcast(1f).div(z.add(1f));
        return r.blend(z.mul(r), x.lt(0f));
    }

    /** d sigmoid(x) = y (1 - y): reuse the output. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor y = out[0];
        return new Tensor[] {tf.mul(g[0], tf.mul(y, tf.sub(Tensor.scalar(y.dtype(), 1), y)))};
    }
}
