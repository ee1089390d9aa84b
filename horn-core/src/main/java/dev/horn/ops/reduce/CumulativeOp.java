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
 * A running scan along one axis (cumsum, cumprod), as TensorFlow's: {@code exclusive} starts
 * from the identity instead of the first element, {@code reverse} scans from the end. The
 * output has the input's shape and dtype. The kernel views the input as [outer, n, inner];
 * floats accumulate in double, integers in 64 bits (int32 results wrap).
 */
public abstract class CumulativeOp extends Op {
    protected final int axis;
    protected final boolean exclusive;
    protected final boolean reverse;

    protected CumulativeOp(String name, int axis, boolean exclusive, boolean reverse) {
        super(name);
        this.axis = axis;
        this.exclusive = exclusive;
        this.reverse = reverse;
    }

    protected abstract double identity();

    protected abstract double combine(double acc, double x);

    protected abstract long combineLong(long acc, long x);

    @Override
    public String attributes() {
        return "axis=" + axis + ", exclusive=" + exclusive + ", reverse=" + reverse;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        int rank = inputs[0].shape().rank();
        if (rank == 0) {
            throw new IllegalArgumentException(name() + ": expected a tensor of rank >= 1, got a scalar");
        }
        ShapeRules.axes(name(), new int[] {axis}, rank);
        return new TensorSpec[] {inputs[0]};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        Shape shape = x.shape();
        int ax = ShapeRules.axes(name(), new int[] {axis}, shape.rank())[0];
        int n = shape.dim(ax);
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < ax; i++) {
            outer *= shape.dim(i);
        }
        for (int i = ax + 1; i < shape.rank(); i++) {
            inner *= shape.dim(i);
        }
        DType dtype = x.dtype();
        Object src = x.storage();
        int off = x.offset();
        Object dst = HeapArrays.newArray(dtype, shape.size());
        int rows = outer * inner;
        int in = inner;
        Parallel.forRange(rows, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n)), (s, e) -> {
            for (int row = s; row < e; row++) {
                int base = (row / in) * n * in + row % in;
                scanLine(dtype, src, off + base, dst, base, n, in);
            }
        });
        return new Tensor[] {Tensor.wrap(dtype, shape, dst)};
    }

    private void scanLine(DType dtype, Object src, int srcStart, Object dst, int dstStart, int n, int stride) {
        boolean integer = dtype == DType.INT32 || dtype == DType.INT64;
        double acc = identity();
        long accLong = (long) identity();
        for (int step = 0; step < n; step++) {
            int k = reverse ? n - 1 - step : step;
            int s = srcStart + k * stride;
            int d = dstStart + k * stride;
            if (integer) {
                long v = dtype == DType.INT32 ? ((int[]) src)[s] : ((long[]) src)[s];
                if (!exclusive) {
                    accLong = combineLong(accLong, v);
                }
                if (dtype == DType.INT32) {
                    ((int[]) dst)[d] = (int) accLong;
                } else {
                    ((long[]) dst)[d] = accLong;
                }
                if (exclusive) {
                    accLong = combineLong(accLong, v);
                }
            } else {
                double v = dtype == DType.FLOAT32 ? ((float[]) src)[s] : ((double[]) src)[s];
                if (!exclusive) {
                    acc = combine(acc, v);
                }
                if (dtype == DType.FLOAT32) {
                    ((float[]) dst)[d] = (float) acc;
                } else {
                    ((double[]) dst)[d] = acc;
                }
                if (exclusive) {
                    acc = combine(acc, v);
                }
            }
        }
    }
}
