package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** A logical op of two bool tensors, broadcasting, giving bool. Not differentiable. */
public abstract class BoolBinaryOp extends Op {
    /** A test of the elements at two storage indices of a pair of inputs. */
    @FunctionalInterface
    interface PairTest {
        boolean test(int i, int j);
    }

    protected BoolBinaryOp(String name) {
        super(name);
    }

    protected abstract boolean test(boolean a, boolean b);

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.dtype(name(), inputs[0], DType.BOOL);
        ShapeRules.dtype(name(), inputs[1], DType.BOOL);
        Shape out = ShapeRules.broadcast(name(), inputs[0].shape(), inputs[1].shape());
        return new TensorSpec[] {new TensorSpec(DType.BOOL, out)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        boolean[] x = (boolean[]) a.storage();
        boolean[] y = (boolean[]) b.storage();
        return new Tensor[] {pairwise(outputs[0].shape(), a, b, (i, j) -> test(x[i], y[j]))};
    }

    /** Applies {@code test} to each broadcast pair of elements of two contiguous tensors. */
    static Tensor pairwise(Shape shape, Tensor a, Tensor b, PairTest test) {
        boolean[] z = new boolean[shape.size()];
        new BroadcastLoop(shape, a, b).run((pos, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                z[pos + i] = test.test(off[0] + i * st[0], off[1] + i * st[1]);
            }
        });
        return Tensor.wrap(DType.BOOL, shape, z);
    }
}
