package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Natural logarithm. */
public final class Log extends UnaryOp {
    public Log() {
        super("log");
    }

    @Override
    protected double apply(double x) {
        return Math.log(x);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return VectorMath.log(x);
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.div(g[0], in[0])};
    }
}
