package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.UnaryOp;
import dev.horn.ops.nn.ReluGrad;
import jdk.incubator.vector.FloatVector;

/** max(x, 0); NaN stays NaN. Integers too. */
public final class Relu extends UnaryOp {
    public Relu() {
        super("relu");
    }

    @Override
    protected double apply(double x) {
        return Math.max(x, 0);
    }

    @Override
    protected FloatVector apply(FloatVector x) {
        return x.max(0f);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long x) {
        return Math.max(x, 0);
    }

    /**
     * The upstream gradient where x > 0, else 0 (0 at the kink), from the output as TensorFlow
     * does: the input is then not kept for the backward pass, so a bias add before relu fuses
     * with it.
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new ReluGrad().apply(g[0], out[0])};
    }
}
