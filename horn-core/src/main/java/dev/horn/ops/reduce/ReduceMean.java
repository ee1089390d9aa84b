package dev.horn.ops.reduce;

import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Mean over axes (integer means truncate, as TensorFlow's). */
public final class ReduceMean extends ReduceOp {
    public ReduceMean(int[] axes, boolean keepDims) {
        super("reduce_mean", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 0;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc + x;
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.ADD;
    }

    @Override
    protected double finish(double acc, int count) {
        return acc / count;
    }

    @Override
    protected long combineLong(long acc, long x) {
        return acc + x;
    }

    @Override
    protected long finishLong(long acc, int count) {
        return count == 0 ? 0 : acc / count;
    }

    /** Each input element contributed 1/count. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor scaled = tf.div(g[0], elementsPerOutput(in[0], out[0], g[0].dtype()));
        return new Tensor[] {broadcastToInput(scaled, in[0])};
    }
}
