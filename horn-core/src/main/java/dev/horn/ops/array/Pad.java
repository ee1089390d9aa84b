package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * Pads each axis i with {@code paddings[i][0]} elements before and {@code paddings[i][1]} after,
 * as tf.pad: CONSTANT fills with a value; REFLECT mirrors without repeating the edge (padding
 * must be smaller than the dimension); SYMMETRIC mirrors including the edge (padding at most the
 * dimension).
 */
public final class Pad extends Op {
    /** tf.pad's modes. */
    public enum Mode { CONSTANT, REFLECT, SYMMETRIC }

    private final int[][] paddings;
    private final Mode mode;
    private final double constant;

    public Pad(int[][] paddings, Mode mode, double constant) {
        super("pad");
        this.paddings = new int[paddings.length][];
        for (int i = 0; i < paddings.length; i++) {
            this.paddings[i] = paddings[i].clone();
        }
        this.mode = mode;
        this.constant = constant;
    }

    @Override
    public String attributes() {
        return "paddings=" + Arrays.deepToString(paddings) + ", mode=" + mode
                + (mode == Mode.CONSTANT ? ", constant_values=" + constant : "");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape in = inputs[0].shape();
        if (paddings.length != in.rank()) {
            throw new IllegalArgumentException("pad: paddings must have shape [" + in.rank() + ", 2] for an input of shape "
                    + in + ", got " + paddings.length + " rows: " + Arrays.deepToString(paddings));
        }
        int[] out = in.dims();
        for (int i = 0; i < out.length; i++) {
            int[] p = paddings[i];
            if (p.length != 2 || p[0] < 0 || p[1] < 0) {
                throw new IllegalArgumentException("pad: paddings row " + i + " must be two non-negative numbers, got "
                        + Arrays.toString(p));
            }
            int limit = mode == Mode.REFLECT ? out[i] - 1 : out[i];
            if (mode != Mode.CONSTANT && (p[0] > limit || p[1] > limit)) {
                throw new IllegalArgumentException("pad: " + mode + " paddings " + Arrays.toString(p) + " on axis " + i
                        + " of shape " + in + " must be at most " + limit
                        + (mode == Mode.REFLECT ? " (less than the dimension)" : " (the dimension)"));
            }
            out[i] += p[0] + p[1];
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(out))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        Shape shape = outputs[0].shape();
        if (mode == Mode.CONSTANT) {
            Object out = ArrayKernels.filled(x.dtype(), shape.size(), constant);
            int[] strides = shape.strides();
            int start = 0;
            for (int i = 0; i < strides.length; i++) {
                start += paddings[i][0] * strides[i];
            }
            ArrayKernels.copyInto(x, out, start, strides);
            return new Tensor[] {Tensor.wrap(x.dtype(), shape, out)};
        }
        Tensor y = x.view(x.shape(), x.offset(), x.strides()); // never the input itself: the tape keys on identity
        for (int axis = 0; axis < x.rank(); axis++) {
            if (paddings[axis][0] > 0 || paddings[axis][1] > 0) {
                y = mirror(y, axis);
            }
        }
        return new Tensor[] {y};
    }

    /** Pads one axis: the two mirrored pieces are views of x with a negative stride on that axis. */
    private Tensor mirror(Tensor x, int axis) {
        int before = paddings[axis][0];
        int after = paddings[axis][1];
        int n = x.shape().dim(axis);
        int edge = mode == Mode.REFLECT ? 1 : 0;
        Shape shape = x.shape().withDim(axis, before + n + after);
        int[] outStrides = shape.strides();
        int[] own = x.strides();
        int[] reversed = x.strides();
        reversed[axis] = -own[axis];
        Object out = HeapArrays.newArray(x.dtype(), shape.size());
        ArrayKernels.copyInto(x, out, before * outStrides[axis], outStrides);
        if (before > 0) {
            Tensor left = x.view(x.shape().withDim(axis, before), x.offset() + (before - 1 + edge) * own[axis], reversed);
            ArrayKernels.copyInto(left, out, 0, outStrides);
        }
        if (after > 0) {
            Tensor right = x.view(x.shape().withDim(axis, after), x.offset() + (n - 1 - edge) * own[axis], reversed);
            ArrayKernels.copyInto(right, out, (before + n) * outStrides[axis], outStrides);
        }
        return Tensor.wrap(x.dtype(), shape, out);
    }

    /** CONSTANT: the centre of g. REFLECT/SYMMETRIC: the mirrored margins folded back onto the centre. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int[] dims = in[0].shape().dims();
        Tensor grad = g[0];
        for (int axis = 0; axis < dims.length; axis++) {
            int before = paddings[axis][0];
            int after = paddings[axis][1];
            int n = dims[axis];
            Tensor centre = sliceAxis(grad, axis, before, n);
            if (mode != Mode.CONSTANT) {
                int edge = mode == Mode.REFLECT ? 1 : 0;
                if (before > 0) {
                    Tensor left = tf.reverse(sliceAxis(grad, axis, 0, before), axis);
                    centre = tf.add(centre, padAxis(left, axis, edge, n - before - edge));
                }
                if (after > 0) {
                    Tensor right = tf.reverse(sliceAxis(grad, axis, before + n, after), axis);
                    centre = tf.add(centre, padAxis(right, axis, n - after - edge, edge));
                }
            }
            grad = centre;
        }
        return new Tensor[] {grad};
    }

    private static Tensor sliceAxis(Tensor t, int axis, int start, int length) {
        int[] begin = new int[t.rank()];
        int[] size = t.shape().dims();
        begin[axis] = start;
        size[axis] = length;
        return tf.slice(t, begin, size);
    }

    private static Tensor padAxis(Tensor t, int axis, int before, int after) {
        int[][] p = new int[t.rank()][2];
        p[axis] = new int[] {before, after};
        return tf.pad(t, p);
    }
}
