package dev.horn.ops.nn;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.array.BroadcastLike;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gradient of a bias added along the last axis, TensorFlow's {@code BiasAddGrad}: g [...,
 * C] -> [C], the sum over every other axis. As a reduce_sum over the leading axes of a
 * convolution's output it ran on one core, a column at a time; here fixed blocks of rows are
 * summed across the cores, a vector of channels per accumulator, and the blocks' partial sums
 * are added in block order, so the result does not depend on the thread count.
 */
public final class BiasAddGrad extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Rows per partial sum: fixed, so results do not depend on the threads. */
    private static final int BLOCK_ROWS = 2048;

    public BiasAddGrad() {
        super("bias_add_grad");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.floating(name(), inputs[0]);
        Shape g = inputs[0].shape();
        if (g.rank() < 1) {
            throw new IllegalArgumentException(name() + ": expected a tensor with a channel axis, got shape " + g);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(g.dim(-1)))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {sumOverRows(inputs[0])};
    }

    /** g [..., C] summed over every axis but the last, in fixed blocks of rows. */
    static Tensor sumOverRows(Tensor gradient) {
        Tensor g = gradient.contiguous();
        int c = g.shape().dim(-1);
        int rows = c == 0 ? 0 : g.size() / c;
        int blocks = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
        Object partial = HeapArrays.newArray(g.dtype(), blocks * c);
        Parallel.forRange(blocks, 1, (s, e) -> {
            for (int b = s; b < e; b++) {
                int from = g.offset() + b * BLOCK_ROWS * c;
                int n = Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS);
                if (partial instanceof float[] p) {
                    addRows((float[]) g.storage(), from, n, c, p, b * c);
                } else {
                    double[] p = (double[]) partial;
                    double[] src = (double[]) g.storage();
                    for (int r = 0; r < n; r++) {
                        for (int j = 0; j < c; j++) {
                            p[b * c + j] += src[from + r * c + j];
                        }
                    }
                }
            }
        });
        Object db = HeapArrays.newArray(g.dtype(), c);
        for (int b = 0; b < blocks; b++) {
            RowAdd.add(db, 0, partial, b * c, c, 1);
        }
        return Tensor.wrap(g.dtype(), Shape.of(c), db);
    }

    /**
     * out[at + j] += the sum of src[from + r * c + j] over n rows, vectors of channels at a time
     * (masked only at the tail); also the filter-gradient kernels' bias sum.
     */
    static void addRows(float[] src, int from, int n, int c, float[] out, int at) {
        int v = F.length();
        int j = 0;
        for (; j + 4 * v <= c; j += 4 * v) { // four vectors in one pass down the rows: four independent sums
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            for (int r = 0, i = from + j; r < n; r++, i += c) {
                a0 = a0.add(FloatVector.fromArray(F, src, i));
                a1 = a1.add(FloatVector.fromArray(F, src, i + v));
                a2 = a2.add(FloatVector.fromArray(F, src, i + 2 * v));
                a3 = a3.add(FloatVector.fromArray(F, src, i + 3 * v));
            }
            a0.add(FloatVector.fromArray(F, out, at + j)).intoArray(out, at + j);
            a1.add(FloatVector.fromArray(F, out, at + j + v)).intoArray(out, at + j + v);
            a2.add(FloatVector.fromArray(F, out, at + j + 2 * v)).intoArray(out, at + j + 2 * v);
            a3.add(FloatVector.fromArray(F, out, at + j + 3 * v)).intoArray(out, at + j + 3 * v);
        }
        for (int bound = F.loopBound(c); j < bound; j += v) {
            FloatVector acc = FloatVector.zero(F);
            for (int r = 0, i = from + j; r < n; r++, i += c) {
                acc = acc.add(FloatVector.fromArray(F, src, i));
            }
            acc.add(FloatVector.fromArray(F, out, at + j)).intoArray(out, at + j);
        }
        if (j < c) {
            VectorMask<Float> m = F.indexInRange(j, c);
            FloatVector acc = FloatVector.zero(F);
            for (int r = 0, i = from + j; r < n; r++, i += c) {
                acc = acc.add(FloatVector.fromArray(F, src, i, m));
            }
            acc.add(FloatVector.fromArray(F, out, at + j, m)).intoArray(out, at + j, m);
        }
    }

    /** Linear: the upstream [C] broadcast back over g's shape. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new BroadcastLike().apply(g[0], in[0])};
    }
}
