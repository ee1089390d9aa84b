package dev.horn;

import dev.horn.ops.array.BroadcastTo;
import dev.horn.ops.array.Reshape;
import dev.horn.ops.array.Transpose;

/**
 * Shape and movement ops: reshape, transpose, expand/squeeze, concat, stack, split, tile, pad,
 * slices, gather, scatter, one-hot, sorting. Part of {@link Tf}.
 */
public interface ArrayOps {
    default Tensor reshape(Tensor x, int... shape) { return new Reshape(shape).apply(x); }
    default Tensor transpose(Tensor x, int... perm) { return new Transpose(perm).apply(x); }
    default Tensor broadcastTo(Tensor x, int... shape) { return new BroadcastTo(shape).apply(x); }
}
