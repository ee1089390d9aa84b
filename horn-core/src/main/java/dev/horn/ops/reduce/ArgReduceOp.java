package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * The index of the extreme element along one axis (argmax, argmin), as TensorFlow's: the axis
 * is removed, the output is int64 unless int32 is asked for, and ties give the first index.
 * Not differentiable. NaN counts as the extreme value (its first occurrence wins), as numpy.
 */
public abstract class ArgReduceOp extends Op {
    protected final int axis;
    protected final DType outputType;

    protected ArgReduceOp(String name, int axis, DType outputType) {
        super(name);
        this.axis = axis;
        this.outputType = outputType;
    }

    /** True when {@code candidate} beats {@code best} strictly (ties keep the earlier index). */
    protected abstract boolean better(double candidate, double best);

    protected abstract boolean betterLong(long candidate, long best);

    @Override
    public String attributes() {
        return "axis=" + axis + ", output_type=" + outputType;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        if (outputType != DType.INT32 && outputType != DType.INT64) {
            throw new IllegalArgumentException(name() + ": output_type must be int32 or int64, got " + outputType);
        }
        Shape in = inputs[0].shape();
        if (in.rank() == 0) {
            throw new IllegalArgumentException(name() + ": expected a tensor of rank >= 1, got a scalar");
        }
        int ax = ShapeRules.axes(name(), new int[] {axis}, in.rank())[0];
        if (in.dim(ax) == 0) {
            throw new IllegalArgumentException(name() + ": axis " + axis + " of shape " + in + " is empty");
        }
        int[] dims = new int[in.rank() - 1];
        for (int i = 0, j = 0; i < in.rank(); i++) {
            if (i != ax) {
                dims[j++] = in.dim(i);
            }
        }
        return new TensorSpec[] {new TensorSpec(outputType, Shape.of(dims))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        Shape shape = x.shape();
        int ax = ShapeRules.axes(name(), new int[] {axis}, shape.rank())[0];
        int n = shape.dim(ax);
        int inner = 1;
        for (int i = ax + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        int rows = shape.size() / n;
        int in = inner;
        Object dst = HeapArrays.newArray(outputType, rows);
        Object src = x.storage();
        int off = x.offset();
        DType dtype = x.dtype();
        Parallel.forRange(rows, Math.max(1, BroadcastLoop.GRAIN / n), (s, e) -> {
            for (int row = s; row < e; row++) {
                int start = off + (row / in) * n * in + row % in;
                int best = dtype.isFloating() ? argFloating(dtype, src, start, n, in) : argInteger(dtype, src, start, n, in);
                if (outputType == DType.INT32) {
                    ((int[]) dst)[row] = best;
                } else {
                    ((long[]) dst)[row] = best;
                }
            }
        });
        return new Tensor[] {Tensor.wrap(outputType, outputs[0].shape(), dst)};
    }

    private int argFloating(DType dtype, Object src, int start, int n, int stride) {
        int best = 0;
        double bestValue = read(dtype, src, start);
        for (int k = 1; k < n && !Double.isNaN(bestValue); k++) {
            double v = read(dtype, src, start + k * stride);
            if (Double.isNaN(v) || better(v, bestValue)) {
                best = k;
                bestValue = v;
            }
        }
        return best;
    }

    private int argInteger(DType dtype, Object src, int start, int n, int stride) {
        int best = 0;
        long bestValue = readLong(dtype, src, start);
        for (int k = 1; k < n; k++) {
            long v = readLong(dtype, src, start + k * stride);
            if (betterLong(v, bestValue)) {
                best = k;
                bestValue = v;
            }
        }
        return best;
    }

    private static double read(DType dtype, Object src, int pos) {
        return dtype == DType.FLOAT32 ? ((float[]) src)[pos] : ((double[]) src)[pos];
    }

    private static long readLong(DType dtype, Object src, int pos) {
        return dtype == DType.INT32 ? ((int[]) src)[pos] : ((long[]) src)[pos];
    }
}
