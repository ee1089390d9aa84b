package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * tensor_scatter_nd_add(tensor, indices, updates): a copy of tensor with each update slice added
 * at its index row (repeated rows add up). updates has shape indices[:-1] + tensor[K:].
 */
public final class TensorScatterAdd extends Op {
    public TensorScatterAdd() {
        super("tensor_scatter_nd_add");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 3);
        ShapeRules.numeric(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[2]);
        Shape target = inputs[0].shape();
        int k = NdIndexing.depth(name(), inputs[1], target);
        Shape expected = NdIndexing.sliceShape(inputs[1].shape(), target, k);
        if (!inputs[2].shape().equals(expected)) {
            throw new IllegalArgumentException(name() + ": updates must have shape " + expected + " for indices of shape "
                    + inputs[1].shape() + " into a tensor of shape " + target + ", got " + inputs[2].shape());
        }
        return new TensorSpec[] {inputs[0]};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Shape target = inputs[0].shape();
        Shape is = inputs[1].shape();
        int k = is.dim(-1);
        int rows = ArrayKernels.product(is.dims(), 0, is.rank() - 1);
        int slice = ArrayKernels.product(target.dims(), k, target.rank());
        int[] offsets = NdIndexing.offsets(name(), ArrayKernels.indices(inputs[1]), rows, k, target);
        Tensor base = inputs[0].contiguous();
        Object out = java.lang.reflect.Array.newInstance(base.storage().getClass().getComponentType(), target.size());
        System.arraycopy(base.storage(), base.offset(), out, 0, target.size());
        Tensor u = inputs[2].contiguous();
        int uo = u.offset();
        for (int r = 0; r < rows; r++) {
            int o = offsets[r];
            int from = uo + r * slice;
            switch (base.dtype()) {
                case FLOAT32 -> { float[] d = (float[]) out; float[] s = (float[]) u.storage(); for (int i = 0; i < slice; i++) d[o + i] += s[from + i]; }
                case FLOAT64 -> { double[] d = (double[]) out; double[] s = (double[]) u.storage(); for (int i = 0; i < slice; i++) d[o + i] += s[from + i]; }
                case INT32 -> { int[] d = (int[]) out; int[] s = (int[]) u.storage(); for (int i = 0; i < slice; i++) d[o + i] += s[from + i]; }
                case INT64 -> { long[] d = (long[]) out; long[] s = (long[]) u.storage(); for (int i = 0; i < slice; i++) d[o + i] += s[from + i]; }
                default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + base.dtype());
            }
        }
        return new Tensor[] {Tensor.wrap(base.dtype(), target, out)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {g[0], null, tf.gatherNd(g[0], in[1])};
    }
}
