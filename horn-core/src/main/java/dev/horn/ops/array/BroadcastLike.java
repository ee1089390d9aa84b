package dev.horn.ops.array;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/**
 * Broadcasts x to the shape of a second tensor, whose values are never read: {@code
 * broadcast_to(x, shape(like))} in one op. Gradients use it when the shape to broadcast back
 * to has dimensions known only at run time (an unknown batch size); the traced output keeps
 * every dimension that is known. A view: broadcast axes get stride 0.
 */
public final class BroadcastLike extends Op {
    public BroadcastLike() {
        super("broadcast_like");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        Shape in = inputs[0].shape();
        Shape target = inputs[1].shape();
        Shape b = Shape.broadcast(in, target);
        if (b == null || b.rank() != target.rank() || !fits(in, target)) {
            throw new IllegalArgumentException("broadcast_like: cannot broadcast shape " + in + " to " + target);
        }
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), target)};
    }

    /** Each axis of x (aligned right) is 1, unknown, or the target's. */
    private static boolean fits(Shape in, Shape target) {
        int shift = target.rank() - in.rank();
        for (int ax = 0; ax < in.rank(); ax++) {
            int d = in.dim(ax);
            int t = target.dim(ax + shift);
            if (d != 1 && d != Shape.UNKNOWN && t != Shape.UNKNOWN && d != t) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new BroadcastTo(outputs[0].shape().dims()).compute(new Tensor[] {inputs[0]}, outputs);
    }

    /** A view: no element is touched. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return 1;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {BinaryOp.unbroadcast(g[0], in[0].shape()), null};
    }
}
