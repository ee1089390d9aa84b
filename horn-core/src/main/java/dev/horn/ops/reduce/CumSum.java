package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/** Cumulative sum along an axis, as tf.cumsum: optionally exclusive (shifted by one) and/or reversed. */
public final class CumSum extends Op {
    private final int axis;
    private final boolean exclusive;
    private final boolean reverse;

    public CumSum(int axis, boolean exclusive, boolean reverse) {
        super("cumsum");
        this.axis = axis;
        this.exclusive = exclusive;
        this.reverse = reverse;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", exclusive=" + exclusive + ", reverse=" + reverse;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        ShapeRules.axes(name(), new int[] {axis}, inputs[0].shape().rank());
        return inputs;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        int a = ShapeRules.axes(name(), new int[] {axis}, x.rank())[0];
        int n = x.shape().dim(a);
        int inner = 1;
        for (int i = a + 1; i < x.rank(); i++) {
            inner *= x.shape().dim(i);
        }
        int outer = n == 0 ? 0 : x.size() / (n * inner);
        Object out = HeapArrays.newArray(x.dtype(), x.size());
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double acc = 0;
                for (int step = 0; step < n; step++) {
                    int k = reverse ? n - 1 - step : step;
                    int pos = (o * n + k) * inner + i;
                    double v = x.getDouble(pos);
                    if (exclusive) {
                        write(out, x.dtype(), pos, acc);
                        acc += v;
                    } else {
                        acc += v;
                        write(out, x.dtype(), pos, acc);
                    }
                }
            }
        }
        return new Tensor[] {Tensor.wrap(x.dtype(), x.shape(), out)};
    }

    private static void write(Object out, DType dtype, int pos, double v) {
        switch (dtype) {
            case FLOAT32 -> ((float[]) out)[pos] = (float) v;
            case FLOAT64 -> ((double[]) out)[pos] = v;
            case INT32 -> ((int[]) out)[pos] = (int) v;
            case INT64 -> ((long[]) out)[pos] = (long) v;
            default -> throw new IllegalArgumentException("cumsum: unsupported dtype " + dtype);
        }
    }

    /** Each input feeds every later (earlier, when reversed) output: the gradient is the cumsum the other way. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {tf.cumsum(g[0], axis, exclusive, !reverse)};
    }
}
