package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/** The block starting at {@code begin} of extent {@code size} (-1: to the end), as tf.slice; a view. */
public final class Slice extends Op {
    private final int[] begin;
    private final int[] size;

    public Slice(int[] begin, int[] size) {
        super("slice");
        this.begin = begin.clone();
        this.size = size.clone();
    }

    @Override
    public String attributes() {
        return "begin=" + Arrays.toString(begin) + ", size=" + Arrays.toString(size);
    }

    private int[] resolve(Shape in) {
        if (begin.length != in.rank() || size.length != in.rank()) {
            throw new IllegalArgumentException("slice: begin " + Arrays.toString(begin) + " and size " + Arrays.toString(size)
                    + " must each have one entry per axis of the input shape " + in);
        }
        int[] out = new int[in.rank()];
        for (int i = 0; i < out.length; i++) {
            int d = in.dim(i);
            out[i] = size[i] == -1 ? d - begin[i] : size[i];
            if (begin[i] < 0 || begin[i] > d || out[i] < 0 || begin[i] + out[i] > d) {
                throw new IllegalArgumentException("slice: begin " + Arrays.toString(begin) + " and size "
                        + Arrays.toString(size) + " fall outside the input shape " + in + " on axis " + i);
            }
        }
        return out;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(resolve(inputs[0].shape())))};
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int[] strides = x.strides();
        int offset = x.offset();
        if (outputs[0].shape().size() > 0) {
            for (int i = 0; i < strides.length; i++) {
                offset += begin[i] * strides[i];
            }
        }
        return new Tensor[] {x.view(outputs[0].shape(), offset, strides)};
    }

    /** The gradient lands where the slice came from: zeros around it. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int[] dims = in[0].shape().dims();
        int[] outDims = out[0].shape().dims();
        int[][] paddings = new int[dims.length][];
        for (int i = 0; i < dims.length; i++) {
            paddings[i] = new int[] {begin[i], dims[i] - begin[i] - outDims[i]};
        }
        return new Tensor[] {tf.pad(g[0], paddings)};
    }
}
