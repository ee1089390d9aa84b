package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * The k largest entries along the last axis ({@code tf.math.top_k}): outputs the values and
 * their int32 indices, largest first; equal values keep their input order (lower index first).
 * With {@code sorted=false} the order is unspecified in TensorFlow; here it is still sorted.
 */
public final class TopK extends Op {
    private final int k;
    private final boolean sorted;

    public TopK(int k, boolean sorted) {
        super("top_k");
        this.k = k;
        this.sorted = sorted;
    }

    @Override
    public String attributes() {
        return "k=" + k + ", sorted=" + sorted;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        Shape in = inputs[0].shape();
        if (in.rank() == 0) {
            throw new IllegalArgumentException("top_k: expected a tensor of rank >= 1, got a scalar");
        }
        int n = in.dim(in.rank() - 1);
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("top_k: k=" + k + " must be in 0.." + n
                    + " (the size of the last axis of shape " + in + ")");
        }
        Shape out = in.withDim(in.rank() - 1, k);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), out), new TensorSpec(DType.INT32, out)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        Shape out = outputs[0].shape();
        Object values = HeapArrays.newArray(x.dtype(), out.size());
        int[] indices = new int[out.size()];
        SortKernel.run(x, x.rank() - 1, true, k, values, indices);
        return new Tensor[] {Tensor.wrap(x.dtype(), out, values), Tensor.wrap(DType.INT32, out, indices)};
    }

    /** Each kept value's gradient goes back to the input position it came from; the indices have none. */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int last = in[0].rank() - 1;
        return new Tensor[] {new ScatterAddAlongAxis(last, in[0].shape().dim(last)).apply(g[0], out[1])};
    }
}
