package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** Broadcasts to a shape with numpy rules; a view whose broadcast axes have stride 0. */
public final class BroadcastTo extends Op {
    private final int[] dims;

    public BroadcastTo(int... dims) {
        super("broadcast_to");
        this.dims = dims.clone();
    }

    @Override
    public String attributes() {
        return "shape=" + java.util.Arrays.toString(dims);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        Shape target = Shape.of(dims);
        Shape in = inputs[0].shape();
        Shape b = Shape.broadcast(in, target);
        if (b == null || !b.equals(target)) {
            throw new IllegalArgumentException("broadcast_to: cannot broadcast shape " + in + " to " + target);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), target)};
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0];
        Shape target = outputs[0].shape();
        int[] own = x.strides();
        int[] strides = new int[target.rank()];
        int shift = target.rank() - x.rank();
        for (int ax = 0; ax < x.rank(); ax++) {
            strides[ax + shift] = x.shape().dim(ax) == 1 ? 0 : own[ax];
        }
        return new Tensor[] {x.view(target, x.offset(), strides)};
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {BinaryOp.unbroadcast(g[0], in[0].shape())};
    }
}
