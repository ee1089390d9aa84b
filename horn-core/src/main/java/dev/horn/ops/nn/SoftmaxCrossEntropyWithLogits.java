package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Crossentropy of labels against the softmax of logits along the last axis, in one op
 * ({@code tf.nn.softmax_cross_entropy_with_logits}): {@code sum_j labels_j * (lse - logits_j)},
 * where lse = log(sum_j exp(logits_j)) is taken after subtracting the row's maximum, so neither
 * the probabilities nor their logarithms are ever rounded to 0 or clipped. Inputs: logits and
 * labels of the same float shape; the output drops the class axis. Keras computes a softmax
 * layer's crossentropy this way from the layer's logits.
 *
 * <p>The exponentials run over blocks of rows as one flat vector loop, so narrow rows (10
 * classes) do not leave most lanes idle.
 */
public final class SoftmaxCrossEntropyWithLogits extends Op {
    public SoftmaxCrossEntropyWithLogits() {
        super("softmax_cross_entropy_with_logits");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        TensorSpec logits = inputs[0];
        TensorSpec labels = inputs[1];
        ShapeRules.floating(name(), logits);
        ShapeRules.sameDType(name(), logits, labels);
        if (logits.shape().rank() == 0) {
            throw new IllegalArgumentException(name() + ": logits must have a class axis, got a scalar");
        }
        int[] dims = logits.shape().dims();
        int[] other = labels.shape().dims();
        boolean same = dims.length == other.length;
        for (int i = 0; same && i < dims.length; i++) {
            same = dims[i] == other[i] || dims[i] == Shape.UNKNOWN || other[i] == Shape.UNKNOWN;
            dims[i] = dims[i] == Shape.UNKNOWN ? other[i] : dims[i];
        }
        if (!same) {
            throw new IllegalArgumentException(name() + ": logits " + logits.shape() + " and labels "
                    + labels.shape() + " must have the same shape");
        }
        return new TensorSpec[] {new TensorSpec(logits.dtype(), Shape.of(java.util.Arrays.copyOf(dims, dims.length - 1)))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor logits = inputs[0].contiguous();
        Tensor labels = inputs[1].contiguous();
        int classes = logits.shape().dim(logits.rank() - 1);
        int rows = classes == 0 ? 0 : logits.size() / classes;
        int grain = Math.max(1, BroadcastLoop.GRAIN / Math.max(1, classes));
        if (logits.dtype() == DType.FLOAT32) {
            float[] z = (float[]) logits.storage();
            float[] y = (float[]) labels.storage();
            int zo = logits.offset();
            int yo = labels.offset();
            float[] loss = new float[rows];
            Parallel.forRange(rows, grain, (s, e) -> rowsFloat(z, zo, y, yo, classes, s, e, loss));
            return new Tensor[] {Tensor.wrap(DType.FLOAT32, outputs[0].shape(), loss)};
        }
        double[] z = logits.toDoubleArray();
        double[] y = labels.toDoubleArray();
        double[] loss = new double[rows];
        for (int r = 0; r < rows; r++) {
            loss[r] = rowDouble(z, r * classes, y, r * classes, classes);
        }
        return new Tensor[] {Tensor.wrap(DType.FLOAT64, outputs[0].shape(), loss)};
    }

    /**
     * d logits = g * (softmax(logits) * sum(labels) - labels), which is softmax - labels for labels
     * that sum to 1; d labels = -g * log_softmax(logits).
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor upstream = tf.expandDims(g[0], -1);
        Tensor mass = tf.reduceSum(in[1], new int[] {-1}, true);
        Tensor dLogits = tf.mul(upstream, tf.sub(tf.mul(tf.softmax(in[0], -1), mass), in[1]));
        Tensor dLabels = tf.neg(tf.mul(upstream, tf.logSoftmax(in[0], -1)));
        return new Tensor[] {dLogits, dLabels};
    }

    /** Rows [r0, r1) in blocks, their exponentials one flat vector loop ({@link SoftmaxKernel#shiftAndExp}). */
    private static void rowsFloat(float[] z, int zo, float[] y, int yo, int n, int r0, int r1, float[] loss) {
        int blockRows = SoftmaxKernel.narrowBlockRows(n);
        float[] shifted = new float[SoftmaxKernel.narrowScratch(Math.min(blockRows, r1 - r0), n)];
        float[] exp = new float[shifted.length];
        for (int b0 = r0; b0 < r1; b0 += blockRows) {
            int b1 = Math.min(r1, b0 + blockRows);
            SoftmaxKernel.shiftAndExp(z, zo, n, b0, b1, shifted, exp);
            for (int r = b0; r < b1; r++) {
                int d = (r - b0) * n;
                int ys = yo + r * n;
                float sum = 0;
                float dot = 0;
                float mass = 0;
                for (int i = 0; i < n; i++) {
                    sum += exp[d + i];
                    dot += y[ys + i] * shifted[d + i];
                    mass += y[ys + i];
                }
                loss[r] = (float) Math.log(sum) * mass - dot;
            }
        }
    }

    private static double rowDouble(double[] z, int zs, double[] y, int ys, int n) {
        double max = SoftmaxKernel.rowMax(z, zs, n);
        double sum = 0;
        double dot = 0;
        double mass = 0;
        for (int i = 0; i < n; i++) {
            double shifted = z[zs + i] - max;
            sum += Math.exp(shifted);
            dot += y[ys + i] * shifted;
            mass += y[ys + i];
        }
        return Math.log(sum) * mass - dot;
    }
}
