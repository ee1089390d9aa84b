package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** Inserts a size-1 axis at {@code axis} (-rank-1..rank, negative from the end); a view, no copy. */
public final class ExpandDims extends Op {
    private final int axis;

    public ExpandDims(int axis) {
        super("expand_dims");
        this.axis = axis;
    }

    @Override
    public String attributes() {
        return "axis=" + axis;
    }

    private int position(int rank) {
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            throw new IllegalArgumentException("expand_dims: axis " + axis + " is out of range for a tensor of rank "
                    + rank + " (valid: " + (-rank - 1) + ".." + rank + ")");
        }
        return a;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        int[] in = inputs[0].shape().dims();
        int a = position(in.length);
        int[] out = new int[in.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? 1 : in[j++];
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(out))};
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int[] own = x.strides();
        int a = position(own.length);
        int[] strides = new int[own.length + 1];
        for (int i = 0, j = 0; i < strides.length; i++) {
            strides[i] = i == a ? 0 : own[j++];
        }
        return new Tensor[] {x.view(outputs[0].shape(), x.offset(), strides)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.reshape(g[0], in[0].shape().dims())};
    }
}
