package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * The gradient of a strided slice: a tensor of the sliced input's shape, zeros except where
 * the slice took its elements, which hold the incoming values (tf's StridedSliceGrad).
 */
public final class StridedSliceGrad extends Op {
    private final StridedSlice slice;
    private final Shape inputShape;

    public StridedSliceGrad(StridedSlice slice, Shape inputShape) {
        super("strided_slice_grad");
        this.slice = slice;
        this.inputShape = inputShape;
    }

    @Override
    public String attributes() {
        return "shape=" + inputShape + ", " + slice.attributes();
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape expected = Shape.of(slice.plan(inputShape).outDims());
        if (!inputs[0].shape().equals(expected)) {
            throw new IllegalArgumentException("strided_slice_grad: expected a gradient of shape " + expected
                    + " for a slice of " + inputShape + ", got " + inputs[0].shape());
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), inputShape)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        StridedSlice.Plan p = slice.plan(inputShape);
        Object out = ArrayKernels.filled(inputs[0].dtype(), inputShape.size(), 0);
        int[] strides = inputShape.strides();
        ArrayKernels.copyInto(inputs[0], out, p.viewOffset(0, strides), p.viewStrides(strides));
        return new Tensor[] {Tensor.wrap(inputs[0].dtype(), inputShape, out)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {slice.apply(g[0])};
    }
}
