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

/** where(condition, x, y): x where condition is true, else y; all three broadcast (tf.where). */
public final class Where extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    public Where() {
        super("where");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 3);
        ShapeRules.dtype(name() + " condition", inputs[0], DType.BOOL);
        ShapeRules.sameDType(name(), inputs[1], inputs[2]);
        Shape s = ShapeRules.broadcast(name(), inputs[1].shape(), inputs[2].shape());
        s = ShapeRules.broadcast(name(), inputs[0].shape(), s);
        return new TensorSpec[] {new TensorSpec(inputs[1].dtype(), s)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor c = inputs[0].contiguous();
        Tensor x = inputs[1].contiguous();
        Tensor y = inputs[2].contiguous();
        Shape shape = outputs[0].shape();
        Object out = HeapArrays.newArray(x.dtype(), shape.size());
        boolean[] cond = (boolean[]) c.storage();
        Object xs = x.storage();
        Object ys = y.storage();
        BroadcastLoop loop = new BroadcastLoop(shape, c, x, y);
        switch (out) {
            case float[] o -> loop.run((pos, n, off, st) -> selectFloat(cond, (float[]) xs, (float[]) ys, o, pos, n, off, st));
            case double[] o -> loop.run((pos, n, off, st) -> {
                double[] a = (double[]) xs;
                double[] b = (double[]) ys;
                for (int i = 0; i < n; i++) {
                    o[pos + i] = cond[off[0] + i * st[0]] ? a[off[1] + i * st[1]] : b[off[2] + i * st[2]];
                }
            });
            case int[] o -> loop.run((pos, n, off, st) -> {
                int[] a = (int[]) xs;
                int[] b = (int[]) ys;
                for (int i = 0; i < n; i++) {
                    o[pos + i] = cond[off[0] + i * st[0]] ? a[off[1] + i * st[1]] : b[off[2] + i * st[2]];
                }
            });
            case long[] o -> loop.run((pos, n, off, st) -> {
                long[] a = (long[]) xs;
                long[] b = (long[]) ys;
                for (int i = 0; i < n; i++) {
                    o[pos + i] = cond[off[0] + i * st[0]] ? a[off[1] + i * st[1]] : b[off[2] + i * st[2]];
                }
            });
            default -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    boolean take = cond[off[0] + i * st[0]];
                    System.arraycopy(take ? xs : ys, take ? off[1] + i * st[1] : off[2] + i * st[2], out, pos + i, 1);
                }
            });
        }
        return new Tensor[] {Tensor.wrap(x.dtype(), shape, out)};
    }

    /**
     * The float32 select, the one on every training step (the relu gradient): vector blends
     * when the condition is contiguous and each operand is contiguous or a broadcast scalar.
     */
    private static void selectFloat(boolean[] cond, float[] a, float[] b, float[] o, int pos, int n, int[] off, int[] st) {
        int i = 0;
        if (st[0] == 1 && (st[1] == 1 || st[1] == 0) && (st[2] == 1 || st[2] == 0)) {
            for (int bound = F.loopBound(n); i < bound; i += F.length()) {
                VectorMask<Float> m = VectorMask.fromArray(F, cond, off[0] + i);
                FloatVector va = st[1] == 1 ? FloatVector.fromArray(F, a, off[1] + i) : FloatVector.broadcast(F, a[off[1]]);
                FloatVector vb = st[2] == 1 ? FloatVector.fromArray(F, b, off[2] + i) : FloatVector.broadcast(F, b[off[2]]);
                vb.blend(va, m).intoArray(o, pos + i);
            }
        }
        for (; i < n; i++) {
            o[pos + i] = cond[off[0] + i * st[0]] ? a[off[1] + i * st[1]] : b[off[2] + i * st[2]];
        }
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor zeros = tf.zerosLike(g[0]);
        return new Tensor[] {
            null,
            BinaryOp.unbroadcast(tf.where(in[0], g[0], zeros), in[1].shape()),
            BinaryOp.unbroadcast(tf.where(in[0], zeros, g[0]), in[2].shape())
        };
    }
}
