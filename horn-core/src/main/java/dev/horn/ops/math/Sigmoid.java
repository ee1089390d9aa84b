package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** 1 / (1 + exp(-x)); saturates cleanly to 0 and 1 for large |x|. */
public final class Sigmoid extends UnaryOp {
    public Sigmoid() {
        super("sigmoid");
    }

    @Override
    protected double apply(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        return one.div(one.add(x.neg().lanewise(VectorOperators.EXP)));
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor one = Tensor.scalar(out[0].dtype(), 1);
        return new Tensor[] {tf.mul(g[0], tf.mul(out[0], tf.sub(one, out[0])))};
    }
}
