package dev.horn;

import dev.horn.ops.nn.LogSoftmax;
import dev.horn.ops.nn.Softmax;

/** Neural-network building blocks: softmax and log-softmax. Part of {@link Tf}. */
public interface NnOps {
    /** Softmax along the last axis. */
    default Tensor softmax(Tensor logits) { return new Softmax(-1).apply(logits); }
    default Tensor softmax(Tensor logits, int axis) { return new Softmax(axis).apply(logits); }
    /** Log-softmax along the last axis. */
    default Tensor logSoftmax(Tensor logits) { return new LogSoftmax(-1).apply(logits); }
    default Tensor logSoftmax(Tensor logits, int axis) { return new LogSoftmax(axis).apply(logits); }
}
