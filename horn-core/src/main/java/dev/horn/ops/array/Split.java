package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * Splits along {@code axis} into {@code num} equal parts or into parts of the given sizes (one
 * may be -1: the rest), as tf.split. The outputs are views of the input, no copy.
 */
public final class Split extends Op {
    private final int num;
    private final int[] sizes;
    private final int axis;

    /** Into {@code num} equal parts. */
    public Split(int num, int axis) {
        super("split");
        if (num < 1) {
            throw new IllegalArgumentException("split: the number of splits must be at least 1, got " + num);
        }
        this.num = num;
        this.sizes = null;
        this.axis = axis;
    }

    /** Into parts of the given sizes. */
    public Split(int[] sizes, int axis) {
        super("split");
        this.num = 0;
        this.sizes = sizes.clone();
        this.axis = axis;
    }

    @Override
    public String attributes() {
        return (sizes == null ? "num=" + num : "sizes=" + Arrays.toString(sizes)) + ", axis=" + axis;
    }

    private int[] resolve(Shape in, int a) {
        int d = in.dim(a);
        if (sizes == null) {
            if (d % num != 0) {
                throw new IllegalArgumentException("split: cannot split axis " + a + " of shape " + in + " (size " + d
                        + ") into " + num + " equal parts");
            }
            int[] out = new int[num];
            Arrays.fill(out, d / num);
            return out;
        }
        int[] out = sizes.clone();
        int unknown = -1;
        int known = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("split: invalid sizes " + Arrays.toString(sizes)
                        + ": sizes must be >= 0, with at most one -1");
            } else {
                known += out[i];
            }
        }
        if (unknown >= 0 && known <= d) {
            out[unknown] = d - known;
            known = d;
        }
        if (known != d) {
            throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " do not add up to the size "
                    + d + " of axis " + a + " of shape " + in);
        }
        return out;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape in = inputs[0].shape();
        int a = ShapeRules.axes(name(), new int[] {axis}, in.rank())[0];
        int[] parts = resolve(in, a);
        TensorSpec[] out = new TensorSpec[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = new TensorSpec(inputs[0].dtype(), in.withDim(a, parts[i]));
        }
        return out;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int a = ShapeRules.axes(name(), new int[] {axis}, x.rank())[0];
        int[] strides = x.strides();
        Tensor[] out = new Tensor[outputs.length];
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            int n = outputs[i].shape().dim(a);
            out[i] = x.view(outputs[i].shape(), n == 0 ? x.offset() : x.offset() + start * strides[a], strides);
            start += n;
        }
        return out;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.concat(List.of(g), axis)};
    }
}
