package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * out[..., j, ...] = x[..., indices[..., j, ...], ...] along one axis (numpy's
 * {@code take_along_axis}): indices has x's shape except along the axis; the output has the
 * indices' shape. The inverse of {@link ScatterAddAlongAxis}, which is its gradient.
 */
public final class TakeAlongAxis extends Op {
    private final int axis;

    public TakeAlongAxis(int axis) {
        super("take_along_axis");
        this.axis = axis;
    }

    @Override
    public String attributes() {
        return "axis=" + axis;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        Sort.checkAxis(name(), axis, inputs[0]);
        Sort.checkIndices(name(), inputs[1]);
        Shape x = inputs[0].shape();
        Shape idx = inputs[1].shape();
        int ax = x.normalizeAxis(axis);
        if (idx.rank() != x.rank() || !idx.withDim(ax, x.dim(ax)).equals(x)) {
            throw new IllegalArgumentException(name() + ": indices of shape " + idx + " must match x of shape " + x
                    + " on every axis but " + ax);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), idx)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        Shape xs = x.shape();
        int ax = xs.normalizeAxis(axis);
        Lines lines = Lines.of(xs, ax);
        int m = outputs[0].shape().dim(ax);
        long[] idx = ScatterAddAlongAxis.indices(name(), inputs[1], lines.n());
        Object out = HeapArrays.newArray(x.dtype(), idx.length);
        for (int line = 0; line < lines.count(); line++) {
            int from = x.offset() + lines.start(line, lines.n());
            int to = lines.start(line, m);
            for (int j = 0; j < m; j++) {
                int p = to + j * lines.inner();
                copy(x.dtype(), x.storage(), from + (int) idx[p] * lines.inner(), out, p);
            }
        }
        return new Tensor[] {Tensor.wrap(x.dtype(), outputs[0].shape(), out)};
    }

    private static void copy(DType dtype, Object src, int s, Object dst, int d) {
        switch (dtype) {
            case FLOAT32 -> ((float[]) dst)[d] = ((float[]) src)[s];
            case FLOAT64 -> ((double[]) dst)[d] = ((double[]) src)[s];
            case INT32 -> ((int[]) dst)[d] = ((int[]) src)[s];
            case INT64 -> ((long[]) dst)[d] = ((long[]) src)[s];
            case BOOL -> ((boolean[]) dst)[d] = ((boolean[]) src)[s];
            case STRING -> ((String[]) dst)[d] = ((String[]) src)[s];
        }
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int ax = in[0].shape().normalizeAxis(axis);
        return new Tensor[] {new ScatterAddAlongAxis(ax, in[0].shape().dim(ax)).apply(g[0], in[1]), null};
    }
}
