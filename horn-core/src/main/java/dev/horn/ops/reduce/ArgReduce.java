package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** argmax / argmin along one axis: the index of the first largest (smallest) element, int64 by default. */
public final class ArgReduce extends Op {
    private final boolean max;
    private final int axis;
    private final DType outputType;

    public ArgReduce(boolean max, int axis, DType outputType) {
        super(max ? "argmax" : "argmin");
        if (outputType != DType.INT32 && outputType != DType.INT64) {
            throw new IllegalArgumentException(name() + ": output_type must be int32 or int64, got " + outputType);
        }
        this.max = max;
        this.axis = axis;
        this.outputType = outputType;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", output_type=" + outputType;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        Shape in = inputs[0].shape();
        int a = ShapeRules.axes(name(), new int[] {axis}, in.rank())[0];
        int[] dims = new int[in.rank() - 1];
        for (int i = 0, j = 0; i < in.rank(); i++) {
            if (i != a) {
                dims[j++] = in.dim(i);
            }
        }
        return new TensorSpec[] {new TensorSpec(outputType, Shape.of(dims))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        int a = ShapeRules.axes(name(), new int[] {axis}, x.rank())[0];
        int n = x.shape().dim(a);
        if (n == 0) {
            throw new IllegalArgumentException(name() + ": axis " + axis + " of shape " + x.shape() + " is empty");
        }
        int inner = 1;
        for (int i = a + 1; i < x.rank(); i++) {
            inner *= x.shape().dim(i);
        }
        int outer = x.size() / (n * inner);
        long[] idx = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                int best = 0;
                double bestValue = x.getDouble(base);
                for (int k = 1; k < n; k++) {
                    double v = x.getDouble(base + k * inner);
                    if (max ? v > bestValue || (Double.isNaN(v) && !Double.isNaN(bestValue))
                            : v < bestValue || (Double.isNaN(v) && !Double.isNaN(bestValue))) {
                        best = k;
                        bestValue = v;
                    }
                }
                idx[o * inner + i] = best;
            }
        }
        Tensor result = Tensor.wrap(DType.INT64, outputs[0].shape(), idx);
        return new Tensor[] {outputType == DType.INT64 ? result
                : new dev.horn.ops.math.Cast(DType.INT32).compute(new Tensor[] {result}, outputs)[0]};
    }
}
