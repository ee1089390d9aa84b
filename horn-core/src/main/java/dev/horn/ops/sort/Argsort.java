package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** The int32 indices that sort a tensor along an axis ({@code tf.argsort}); stable. Not differentiable. */
public final class Argsort extends Op {
    private final int axis;
    private final SortDirection direction;

    public Argsort(int axis, SortDirection direction) {
        super("argsort");
        this.axis = axis;
        this.direction = direction;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", direction=" + direction;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        Sort.checkAxis(name(), axis, inputs[0]);
        return new TensorSpec[] {new TensorSpec(DType.INT32, inputs[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int ax = x.shape().normalizeAxis(axis);
        int[] indices = new int[x.size()];
        SortKernel.run(x, ax, direction == SortDirection.DESCENDING, x.shape().dim(ax), null, indices);
        return new Tensor[] {Tensor.wrap(DType.INT32, x.shape(), indices)};
    }
}
