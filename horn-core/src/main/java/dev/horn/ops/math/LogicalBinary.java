package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** A logical op of two bool tensors, broadcasting. Not differentiable. */
abstract class LogicalBinary extends Op {
    LogicalBinary(String name) {
        super(name);
    }

    abstract boolean test(boolean a, boolean b);

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.dtype(name(), inputs[0], DType.BOOL);
        ShapeRules.dtype(name(), inputs[1], DType.BOOL);
        return new TensorSpec[] {new TensorSpec(DType.BOOL, ShapeRules.broadcast(name(), inputs[0].shape(), inputs[1].shape()))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        Shape shape = outputs[0].shape();
        boolean[] x = (boolean[]) a.storage();
        boolean[] y = (boolean[]) b.storage();
        boolean[] z = new boolean[shape.size()];
        new BroadcastLoop(shape, a, b).run((pos, n, off, st) -> {
            for (int i = 0; i < n; i++) {
                z[pos + i] = test(x[off[0] + i * st[0]], y[off[1] + i * st[1]]);
            }
        });
        return new Tensor[] {Tensor.wrap(DType.BOOL, shape, z)};
    }
}
