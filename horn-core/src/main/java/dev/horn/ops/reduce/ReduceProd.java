package dev.horn.ops.reduce;

import dev.horn.Shape;
import dev.horn.Tensor;
import jdk.incubator.vector.VectorOperators;

import static dev.horn.Tf.tf;

/** Product over axes; an empty reduction gives 1. Integer products wrap as TensorFlow's. */
public final class ReduceProd extends ReduceOp {
    public ReduceProd(int[] axes, boolean keepDims) {
        super("reduce_prod", axes, keepDims);
    }

    @Override
    protected double identity() {
        return 1;
    }

    @Override
    protected double combine(double acc, double x) {
        return acc * x;
    }

    @Override
    protected long combineLong(long acc, long x) {
        return acc * x;
    }

    @Override
    protected VectorOperators.Associative lanes() {
        return VectorOperators.MUL;
    }

    /**
     * d prod / d x_i = the product of the other elements, computed without dividing by x (so
     * zeros work) as TensorFlow does: reduced axes are flattened to the front, and the product
     * of the elements before i (exclusive cumprod) times the product of those after it (exclusive
     * reverse cumprod) is the gradient's weight.
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor x = in[0];
        Shape s = x.shape();
        int rank = s.rank();
        int[] red = reducedAxes(rank);
        boolean[] isReduced = new boolean[rank];
        for (int a : red) {
            isReduced[a] = true;
        }
        int[] perm = new int[rank];
        int[] permDims = new int[rank];
        int j = 0;
        int reducedSize = 1;
        for (int a : red) {
            perm[j] = a;
            permDims[j++] = s.dim(a);
            reducedSize *= s.dim(a);
        }
        for (int ax = 0; ax < rank; ax++) {
            if (!isReduced[ax]) {
                perm[j] = ax;
                permDims[j++] = s.dim(ax);
            }
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[perm[i]] = i;
        }
        // [reduced, rest]; an unknown side (a batch size known at run time) is left to reshape
        int rest = 1;
        for (int ax = 0; ax < rank; ax++) {
            rest *= isReduced[ax] ? 1 : s.dim(ax);
        }
        boolean reducedKnown = java.util.Arrays.stream(red).allMatch(a -> s.dim(a) != Shape.UNKNOWN);
        Tensor flat = s.isFullyDefined() ? tf.reshape(tf.transpose(x, perm), reducedSize, s.size() / Math.max(1, reducedSize))
                : tf.reshape(tf.transpose(x, perm), reducedKnown ? reducedSize : -1, reducedKnown ? -1 : rest);
        Tensor others = tf.mul(tf.cumprod(flat, 0, true, false), tf.cumprod(flat, 0, true, true));
        Tensor weights = tf.transpose(tf.reshape(others, permDims), inverse);
        return new Tensor[] {tf.mul(expandToInput(g[0], s), weights)};
    }
}
