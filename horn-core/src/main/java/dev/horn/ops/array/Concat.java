package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;

import static dev.horn.Tf.tf;

/** Joins tensors of one dtype and rank along {@code axis}; all other dimensions must match (tf.concat). */
public final class Concat extends Op {
    private final int axis;

    public Concat(int axis) {
        super("concat");
        this.axis = axis;
    }

    @Override
    public String attributes() {
        return "axis=" + axis;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("concat: expected at least one input, got none");
        }
        Shape first = inputs[0].shape();
        if (first.rank() == 0) {
            throw new IllegalArgumentException("concat: cannot concatenate scalars (input 0 has shape []); use stack");
        }
        int a = normalize(first.rank());
        int[] out = first.dims();
        for (int i = 1; i < inputs.length; i++) {
            Shape s = inputs[i].shape();
            if (inputs[i].dtype() != inputs[0].dtype()) {
                throw new IllegalArgumentException("concat: input " + i + " is " + inputs[i].dtype()
                        + " but input 0 is " + inputs[0].dtype());
            }
            if (s.rank() != first.rank()) {
                throw new IllegalArgumentException("concat: input " + i + " has rank " + s.rank() + " (shape " + s
                        + ") but input 0 has rank " + first.rank() + " (shape " + first + ")");
            }
            for (int d = 0; d < s.rank(); d++) {
                if (d != a && s.dim(d) != first.dim(d)) {
                    throw new IllegalArgumentException("concat: input " + i + " has shape " + s + " but input 0 has shape "
                            + first + ": dimensions must match except on axis " + a);
                }
            }
            out[a] += s.dim(a);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(out))};
    }

    private int normalize(int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("concat: axis " + axis + " is out of range for inputs of rank " + rank
                    + " (valid: " + (-rank) + ".." + (rank - 1) + ")");
        }
        return a;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        if (inputs.length == 1) {
            Tensor x = inputs[0];
            return new Tensor[] {x.view(x.shape(), x.offset(), x.strides())}; // a new tensor: the tape keys on identity
        }
        Shape shape = outputs[0].shape();
        int a = normalize(shape.rank());
        Object out = HeapArrays.newArray(outputs[0].dtype(), shape.size());
        int[] strides = shape.strides();
        int start = 0;
        for (Tensor x : inputs) {
            ArrayKernels.copyInto(x, out, start * strides[a], strides);
            start += x.shape().dim(a);
        }
        return new Tensor[] {Tensor.wrap(outputs[0].dtype(), shape, out)};
    }

    /** Each input's gradient is its slice of the upstream gradient. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int a = normalize(out[0].rank());
        Tensor[] grads = new Tensor[in.length];
        int[] begin = new int[out[0].rank()];
        for (int i = 0; i < in.length; i++) {
            grads[i] = tf.slice(g[0], begin, in[i].shape().dims());
            begin[a] += in[i].shape().dim(a);
        }
        return grads;
    }
}
