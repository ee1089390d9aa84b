package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** Values sorted along an axis ({@code tf.sort}); stable, NaN above every number. */
public final class Sort extends Op {
    private final int axis;
    private final SortDirection direction;

    public Sort(int axis, SortDirection direction) {
        super("sort");
        this.axis = axis;
        this.direction = direction;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", direction=" + direction;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        checkAxis(name(), axis, inputs[0]);
        return new TensorSpec[] {inputs[0]};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        int ax = x.shape().normalizeAxis(axis);
        Object values = HeapArrays.newArray(x.dtype(), x.size());
        SortKernel.run(x, ax, direction == SortDirection.DESCENDING, x.shape().dim(ax), values, null);
        return new Tensor[] {Tensor.wrap(x.dtype(), x.shape(), values)};
    }

    /** Sorting gathered x by argsort(x): the gradient goes back to where each value came from. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int ax = in[0].shape().normalizeAxis(axis);
        Tensor order = new Argsort(ax, direction).apply(in[0]);
        return new Tensor[] {new ScatterAddAlongAxis(ax, in[0].shape().dim(ax)).apply(g[0], order)};
    }

    /** Rejects a scalar and an out-of-range axis, naming the op, the axis and the rank. */
    static void checkAxis(String op, int axis, TensorSpec x) {
        if (x.shape().rank() == 0) {
            throw new IllegalArgumentException(op + ": expected a tensor of rank >= 1, got a scalar");
        }
        ShapeRules.axes(op, new int[] {axis}, x.shape().rank());
    }

    static void checkIndices(String op, TensorSpec indices) {
        if (indices.dtype() != DType.INT32 && indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": indices must be int32 or int64, got " + indices.dtype());
        }
    }
}
