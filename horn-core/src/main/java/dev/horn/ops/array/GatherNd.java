package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Gathers slices of {@code params} at index rows (tf.gather_nd): each row of the indices' last
 * axis (length K) addresses params[i0, ..., iK-1]; output shape indices[:-1] + params[K:].
 */
public final class GatherNd extends Op {
    public GatherNd() {
        super("gather_nd");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        int k = NdIndexing.depth(name(), inputs[1], inputs[0].shape());
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(),
                NdIndexing.sliceShape(inputs[1].shape(), inputs[0].shape(), k))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor p = inputs[0].contiguous();
        Shape is = inputs[1].shape();
        int k = is.dim(-1);
        int rows = ArrayKernels.product(is.dims(), 0, is.rank() - 1);
        int slice = ArrayKernels.product(p.shape().dims(), k, p.rank());
        int[] offsets = NdIndexing.offsets(name(), ArrayKernels.indices(inputs[1]), rows, k, p.shape());
        Object out = HeapArrays.newArray(p.dtype(), outputs[0].shape().size());
        for (int r = 0; r < rows; r++) {
            System.arraycopy(p.storage(), p.offset() + offsets[r], out, r * slice, slice);
        }
        return new Tensor[] {Tensor.wrap(p.dtype(), outputs[0].shape(), out)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor zeros = tf.zeros(g[0].dtype(), in[0].shape().dims());
        return new Tensor[] {tf.tensorScatterAdd(zeros, in[1], g[0]), null};
    }
}
