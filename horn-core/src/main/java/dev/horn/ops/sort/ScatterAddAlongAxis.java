package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * Zeros of the updates' shape with the axis grown to {@code size}, plus each update added at
 * its index along the axis: out[..., indices[..., j, ...], ...] += updates[..., j, ...]. The
 * gradient of sort, top_k and {@link TakeAlongAxis}; its own gradient is take_along_axis.
 */
public final class ScatterAddAlongAxis extends Op {
    private final int axis;
    private final int size;

    public ScatterAddAlongAxis(int axis, int size) {
        super("scatter_add_along_axis");
        this.axis = axis;
        this.size = size;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", size=" + size;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.floating(name(), inputs[0]);
        Sort.checkAxis(name(), axis, inputs[0]);
        Sort.checkIndices(name(), inputs[1]);
        if (!inputs[1].shape().equals(inputs[0].shape())) {
            throw new IllegalArgumentException(name() + ": indices of shape " + inputs[1].shape()
                    + " must have the updates' shape " + inputs[0].shape());
        }
        Shape u = inputs[0].shape();
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), u.withDim(u.normalizeAxis(axis), size))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor u = inputs[0].contiguous();
        int ax = u.shape().normalizeAxis(axis);
        Lines lines = Lines.of(u.shape(), ax);
        long[] idx = indices(name(), inputs[1], size);
        int m = lines.n();
        boolean f32 = u.dtype() == DType.FLOAT32;
        Object out = f32 ? new float[outputs[0].shape().size()] : new double[outputs[0].shape().size()];
        for (int line = 0; line < lines.count(); line++) {
            int from = lines.start(line, m);
            int to = lines.start(line, size);
            for (int j = 0; j < m; j++) {
                int p = from + j * lines.inner();
                int d = to + (int) idx[p] * lines.inner();
                if (f32) {
                    ((float[]) out)[d] += ((float[]) u.storage())[u.offset() + p];
                } else {
                    ((double[]) out)[d] += ((double[]) u.storage())[u.offset() + p];
                }
            }
        }
        return new Tensor[] {Tensor.wrap(u.dtype(), outputs[0].shape(), out)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {new TakeAlongAxis(axis).apply(g[0], in[1]), null};
    }

    /** The indices as a row-major long[], each checked to lie in [0, n). */
    static long[] indices(String op, Tensor indices, int n) {
        long[] idx = new long[indices.size()];
        for (int i = 0; i < idx.length; i++) {
            long v = (long) indices.getDouble(i);
            if (v < 0 || v >= n) {
                throw new IllegalArgumentException(op + ": index " + v + " is out of range [0, " + n + ")");
            }
            idx[i] = v;
        }
        return idx;
    }
}
