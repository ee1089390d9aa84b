package dev.horn.ops.nn;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/**
 * relu's backward, TensorFlow's {@code ReluGrad}: the upstream gradient {@code g} where relu's
 * output {@code y} is positive, else 0 (0 at the kink; y > 0 exactly where relu's input is).
 * One pass over two inputs; written with ops it was {@code where(greater(x, 0), g, 0)}, two
 * passes over four arrays and a mask, on every training step of a relu network. Being
 * element-wise, it fuses with its neighbours.
 * Inputs: {@code g}, {@code y}.
 */
public final class ReluGrad extends BinaryOp {
    public ReluGrad() {
        super("relu_grad");
    }

    @Override
    protected double apply(double g, double y) {
        return y > 0 ? g : 0;
    }

    @Override
    protected FloatVector apply(FloatVector g, FloatVector y) {
        return FloatVector.zero(F).blend(g, y.compare(VectorOperators.GT, 0f));
    }

    /** Linear in g with the same mask; y only selects, so it gets no gradient (zero). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {unbroadcast(new ReluGrad().apply(g[0], in[1]), in[0].shape()),
            unbroadcast(tf.zerosLike(in[1]), in[1].shape())};
    }
}
