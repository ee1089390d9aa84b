package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Picks slices of {@code params} along {@code axis} at int32/int64 {@code indices} (tf.gather):
 * output shape params[:axis] + indices[batchDims:] + params[axis+1:]. With batchDims = b the
 * first b axes of params and indices are matched one to one. Indices out of range are an error.
 */
public final class Gather extends Op {
    private final int axis;
    private final int batchDims;

    public Gather(int axis, int batchDims) {
        super("gather");
        this.axis = axis;
        this.batchDims = batchDims;
    }

    @Override
    public String attributes() {
        return "axis=" + axis + ", batch_dims=" + batchDims;
    }

    private int axis(Shape params) {
        return ShapeRules.axes(name(), new int[] {axis}, params.rank())[0];
    }

    private int batchDims(Shape indices) {
        int b = batchDims < 0 ? batchDims + indices.rank() : batchDims;
        if (b < 0 || b > indices.rank()) {
            throw new IllegalArgumentException("gather: batch_dims " + batchDims + " is out of range for indices of shape "
                    + indices);
        }
        return b;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ArrayKernels.integerIndices(name(), "indices", inputs[1]);
        Shape params = inputs[0].shape();
        Shape indices = inputs[1].shape();
        int a = axis(params);
        int b = batchDims(indices);
        if (b > a) {
            throw new IllegalArgumentException("gather: batch_dims " + b + " must be at most axis " + a);
        }
        int[] pd = params.dims();
        int[] id = indices.dims();
        for (int i = 0; i < b; i++) {
            if (pd[i] != id[i]) {
                throw new IllegalArgumentException("gather: params shape " + params + " and indices shape " + indices
                        + " differ on batch axis " + i);
            }
        }
        int[] out = new int[pd.length - 1 + id.length - b];
        System.arraycopy(pd, 0, out, 0, a);
        System.arraycopy(id, b, out, a, id.length - b);
        System.arraycopy(pd, a + 1, out, a + id.length - b, pd.length - a - 1);
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(out))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor p = inputs[0].contiguous();
        int[] pd = p.shape().dims();
        int[] id = inputs[1].shape().dims();
        int a = axis(p.shape());
        int b = batchDims(inputs[1].shape());
        int batch = ArrayKernels.product(pd, 0, b);
        int outer = ArrayKernels.product(pd, b, a);
        int n = pd[a];
        int inner = ArrayKernels.product(pd, a + 1, pd.length);
        int per = ArrayKernels.product(id, b, id.length);
        long[] idx = ArrayKernels.indices(inputs[1]);
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= n) {
                throw new IllegalArgumentException("gather: indices[" + i + "] = " + idx[i] + " is not in [0, " + n
                        + ") (axis " + a + " of params shape " + p.shape() + ")");
            }
        }
        Object src = p.storage();
        Object out = HeapArrays.newArray(p.dtype(), outputs[0].shape().size());
        int pos = 0;
        for (int bi = 0; bi < batch; bi++) {
            for (int o = 0; o < outer; o++) {
                int base = p.offset() + (bi * outer + o) * n * inner;
                for (int k = 0; k < per; k++, pos += inner) {
                    System.arraycopy(src, base + (int) idx[bi * per + k] * inner, out, pos, inner);
                }
            }
        }
        return new Tensor[] {Tensor.wrap(p.dtype(), outputs[0].shape(), out)};
    }

    /**
     * Scatter-adds g back: viewed as [batch, outer, per, inner], moved to [batch, per, outer,
     * inner] and added at rows (batch, index) of zeros [batch, n, outer, inner].
     */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        int[] pd = in[0].shape().dims();
        int[] id = in[1].shape().dims();
        int a = axis(in[0].shape());
        int b = batchDims(in[1].shape());
        int batch = ArrayKernels.product(pd, 0, b);
        int outer = ArrayKernels.product(pd, b, a);
        int n = pd[a];
        int inner = ArrayKernels.product(pd, a + 1, pd.length);
        int per = ArrayKernels.product(id, b, id.length);
        // scatter rows (batch, index) built with ops, so the gradient also works inside a traced graph
        long[] batchOf = new long[batch * per];
        for (int bi = 0; bi < batch; bi++) {
            java.util.Arrays.fill(batchOf, bi * per, (bi + 1) * per, bi);
        }
        Tensor index = tf.cast(tf.reshape(in[1], batch * per), dev.horn.DType.INT64);
        Tensor rows = tf.stack(java.util.List.of(Tensor.of(batchOf, batch * per), index), 1);
        Tensor updates = tf.transpose(tf.reshape(g[0], batch, outer, per, inner), 0, 2, 1, 3);
        updates = tf.reshape(updates, batch * per, outer, inner);
        Tensor zeros = tf.zeros(g[0].dtype(), batch, n, outer, inner);
        Tensor summed = tf.tensorScatterAdd(zeros, rows, updates);
        return new Tensor[] {tf.reshape(tf.transpose(summed, 0, 2, 1, 3), pd), null};
    }
}
