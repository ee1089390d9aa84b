package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static dev.horn.Tf.tf;

/**
 * clip_by_value(t, min, max) = maximum(minimum(t, max), min) in one pass (tf.clip_by_value).
 * min and max broadcast to t's shape, which the result keeps. The gradient flows to t where
 * min <= t <= max, to min where t < min and to max where t > max.
 */
public final class ClipByValue extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    public ClipByValue() {
        super("clip_by_value");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 3);
        ShapeRules.numeric(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        ShapeRules.sameDType(name(), inputs[0], inputs[2]);
        Shape shape = inputs[0].shape();
        String[] roles = {"t", "clip_value_min", "clip_value_max"};
        for (int k = 1; k <= 2; k++) {
            Shape s = inputs[k].shape();
            if (!shape.equals(Shape.broadcast(shape, s))) {
                throw new IllegalArgumentException(name() + ": " + roles[k] + " of shape " + s
                        + " does not broadcast to the shape " + shape + " of t");
            }
        }
        return new TensorSpec[] {inputs[0]};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor t = inputs[0].contiguous();
        Tensor lo = inputs[1].contiguous();
        Tensor hi = inputs[2].contiguous();
        Shape shape = t.shape();
        DType dtype = t.dtype();
        Object out = HeapArrays.newArray(dtype, shape.size());
        BroadcastLoop loop = new BroadcastLoop(shape, t, lo, hi);
        switch (dtype) {
            case FLOAT32 -> {
                float[] x = (float[]) t.storage();
                float[] a = (float[]) lo.storage();
                float[] b = (float[]) hi.storage();
                float[] z = (float[]) out;
                loop.run((pos, n, off, st) -> float32Segment(x, off[0], a, off[1], st[1], b, off[2], st[2], z, pos, n));
            }
            case FLOAT64 -> {
                double[] x = (double[]) t.storage();
                double[] a = (double[]) lo.storage();
                double[] b = (double[]) hi.storage();
                double[] z = (double[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = Math.max(Math.min(x[off[0] + i * st[0]], b[off[2] + i * st[2]]), a[off[1] + i * st[1]]);
                    }
                });
            }
            case INT32 -> {
                int[] x = (int[]) t.storage();
                int[] a = (int[]) lo.storage();
                int[] b = (int[]) hi.storage();
                int[] z = (int[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = Math.max(Math.min(x[off[0] + i * st[0]], b[off[2] + i * st[2]]), a[off[1] + i * st[1]]);
                    }
                });
            }
            case INT64 -> {
                long[] x = (long[]) t.storage();
                long[] a = (long[]) lo.storage();
                long[] b = (long[]) hi.storage();
                long[] z = (long[]) out;
                loop.run((pos, n, off, st) -> {
                    for (int i = 0; i < n; i++) {
                        z[pos + i] = Math.max(Math.min(x[off[0] + i * st[0]], b[off[2] + i * st[2]]), a[off[1] + i * st[1]]);
                    }
                });
            }
            default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + dtype);
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, out)};
    }

    /** t has the output's shape, so it always advances; the bounds advance or repeat. */
    private static void float32Segment(float[] x, int xo, float[] a, int ao, int as, float[] b, int bo, int bs,
                                       float[] z, int zo, int n) {
        FloatVector ab = as == 0 ? FloatVector.broadcast(F, a[ao]) : null;
        FloatVector bb = bs == 0 ? FloatVector.broadcast(F, b[bo]) : null;
        for (int i = 0; i < n; i += F.length()) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector av = ab != null ? ab : FloatVector.fromArray(F, a, ao + i, m);
            FloatVector bv = bb != null ? bb : FloatVector.fromArray(F, b, bo + i, m);
            FloatVector.fromArray(F, x, xo + i, m).min(bv).max(av).intoArray(z, zo + i, m);
        }
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor below = tf.less(in[0], in[1]);
        Tensor above = tf.greater(in[0], in[2]);
        Tensor zeros = tf.zerosLike(g[0]);
        return new Tensor[] {
            tf.where(tf.logicalOr(below, above), zeros, g[0]),
            BinaryOp.unbroadcast(tf.where(below, g[0], zeros), in[1].shape()),
            BinaryOp.unbroadcast(tf.where(above, g[0], zeros), in[2].shape())
        };
    }
}
