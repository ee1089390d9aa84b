package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** log(1 + x), accurate near 0. */
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
        return x.lanewise(VectorOperators.LOG1P);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.div(g[0], tf.add(in[0], Tensor.scalar(in[0].dtype(), 1)))};
    }
}
