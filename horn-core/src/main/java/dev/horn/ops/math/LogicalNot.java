package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** Not x, element-wise on a bool tensor. Not differentiable. */
public final class LogicalNot extends Op {
    public LogicalNot() {
        super("logical_not");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.dtype(name(), inputs[0], DType.BOOL);
        return inputs;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        boolean[] src = (boolean[]) x.storage();
        boolean[] dst = new boolean[x.size()];
        for (int i = 0; i < dst.length; i++) {
            dst[i] = !src[x.offset() + i];
        }
        return new Tensor[] {Tensor.wrap(DType.BOOL, x.shape(), dst)};
    }
}
