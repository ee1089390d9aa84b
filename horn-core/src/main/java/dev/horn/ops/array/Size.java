package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * The number of elements of a tensor as an int32 scalar ({@code tf.size}), counted when the op
 * runs: what a gradient uses when a traced shape has an unknown dimension (a batch size known
 * only when the graph is fed). Reads the shape, never the values; not differentiable.
 */
public final class Size extends Op {
    public Size() {
        super("size");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        return new TensorSpec[] {new TensorSpec(DType.INT32, Shape.of())};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {Tensor.scalar(inputs[0].size())};
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }
}
