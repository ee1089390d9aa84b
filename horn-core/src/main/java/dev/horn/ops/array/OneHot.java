package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * One-hot encoding of int32/int64 indices (tf.one_hot): a new axis of size {@code depth} at
 * {@code axis} (-1 = last) holding onValue at the index and offValue elsewhere; indices outside
 * [0, depth) give a row of offValue. Not differentiable.
 */
public final class OneHot extends Op {
    private final int depth;
    private final double onValue;
    private final double offValue;
    private final int axis;
    private final DType dtype;

    public OneHot(int depth, double onValue, double offValue, int axis, DType dtype) {
        super("one_hot");
        if (depth < 0) {
            throw new IllegalArgumentException("one_hot: depth must be >= 0, got " + depth);
        }
        if (dtype == DType.STRING) {
            throw new IllegalArgumentException("one_hot: dtype must be numeric or bool, got string");
        }
        this.depth = depth;
        this.onValue = onValue;
        this.offValue = offValue;
        this.axis = axis;
        this.dtype = dtype;
    }

    @Override
    public String attributes() {
        return "depth=" + depth + ", on_value=" + onValue + ", off_value=" + offValue + ", axis=" + axis + ", dtype=" + dtype;
    }

    private int position(int rank) {
        if (axis == -1) {
            return rank;
        }
        if (axis < 0 || axis > rank) {
            throw new IllegalArgumentException("one_hot: axis " + axis + " is out of range for indices of rank " + rank
                    + " (valid: -1.." + rank + ")");
        }
        return axis;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ArrayKernels.integerIndices(name(), "indices", inputs[0]);
        int[] in = inputs[0].shape().dims();
        int a = position(in.length);
        int[] out = new int[in.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? depth : in[j++];
        }
        return new TensorSpec[] {new TensorSpec(dtype, Shape.of(out))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Shape shape = outputs[0].shape();
        int a = position(inputs[0].rank());
        int[] dims = inputs[0].shape().dims();
        int outer = ArrayKernels.product(dims, 0, a);
        int inner = ArrayKernels.product(dims, a, dims.length);
        long[] idx = ArrayKernels.indices(inputs[0]);
        Object out = ArrayKernels.filled(dtype, shape.size(), offValue);
        Object on = ArrayKernels.filled(dtype, 1, onValue);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                long v = idx[o * inner + i];
                if (v >= 0 && v < depth) {
                    System.arraycopy(on, 0, out, (o * depth + (int) v) * inner + i, 1);
                }
            }
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, out)};
    }
}
