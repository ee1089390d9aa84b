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

import static dev.horn.Tf.tf;

/** where(condition, x, y): x where condition is true, else y; all three broadcast (tf.where). */
public final class Where extends Op {
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
        new BroadcastLoop(shape, c, x, y).run((pos, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                boolean take = cond[off[0] + i * st[0]];
                System.arraycopy(take ? xs : ys, take ? off[1] + i * st[1] : off[2] + i * st[2], out, pos + i, 1);
            }
        });
        return new Tensor[] {Tensor.wrap(x.dtype(), shape, out)};
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
