package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Same elements in row-major order, new shape (one dimension may be -1: inferred). A view of
 * the input's storage when the input is contiguous, as {@code array_reshape} in R.
 */
public final class Reshape extends Op {
    private final int[] dims;

    public Reshape(int... dims) {
        super("reshape");
        this.dims = dims.clone();
    }

    @Override
    public String attributes() {
        return "shape=" + java.util.Arrays.toString(dims);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), resolve(inputs[0].shape()))};
    }

    private Shape resolve(Shape in) {
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1, got " + java.util.Arrays.toString(dims));
                }
                unknown = i;
            } else if (dims[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension " + dims[i] + " in " + java.util.Arrays.toString(dims));
            } else {
                known *= dims[i];
            }
        }
        if (!in.isFullyDefined()) {
            int[] out = dims.clone();
            return Shape.of(out);
        }
        int size = in.size();
        int[] out = dims.clone();
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape a tensor of shape " + in + " (" + size
                        + " elements) into " + java.util.Arrays.toString(dims));
            }
            out[unknown] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException("reshape: cannot reshape a tensor of shape " + in + " (" + size
                    + " elements) into " + java.util.Arrays.toString(dims) + " (" + known + " elements)");
        }
        return Shape.of(out);
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        Shape shape = outputs[0].shape();
        return new Tensor[] {x.view(shape, x.offset(), shape.strides())};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.reshape(g[0], in[0].shape().dims())};
    }
}
