package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** log(1 + x), accurate for small x. */
public final class Log1p extends UnaryOp {
    public Log1p() {
        super("log1p");
    }

    @Override
    protected double apply(double x) {
        return Math.log1p(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return VectorMath.log1p(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        return new Tensor[] {tf.div(g[0], tf.add(x, Tensor.scalar(x.dtype(), 1)))};
    }
}
