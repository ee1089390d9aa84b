package dev.horn;

import dev.horn.ops.nn.LogSoftmax;
import dev.horn.ops.nn.Softmax;
import dev.horn.ops.rnn.GruSequence;
import dev.horn.ops.rnn.LstmSequence;

/** Neural-network building blocks: softmax, log-softmax and the fused recurrent loops. Part of {@link Tf}. */
public interface NnOps {
    /** Softmax along the last axis. */
    default Tensor softmax(Tensor logits) { return new Softmax(-1).apply(logits); }
    default Tensor softmax(Tensor logits, int axis) { return new Softmax(axis).apply(logits); }
    /** Log-softmax along the last axis. */
    default Tensor logSoftmax(Tensor logits) { return new LogSoftmax(-1).apply(logits); }
    default Tensor logSoftmax(Tensor logits, int axis) { return new LogSoftmax(axis).apply(logits); }
    /** An LSTM time loop ({@link LstmSequence}): h, c for every step and the gates, from xw, recurrent kernel, h0, c0, mask. */
    default Tensor[] lstmSequence(Tensor xw, Tensor recurrentKernel, Tensor h0, Tensor c0, Tensor mask) {
        return new LstmSequence().applyAll(xw, recurrentKernel, h0, c0, mask);
    }
    /** A GRU time loop, reset_after ({@link GruSequence}): h for every step and internals for its gradient. */
    default Tensor[] gruSequence(Tensor xw, Tensor recurrentKernel, Tensor recurrentBias, Tensor h0, Tensor mask) {
        return new GruSequence().applyAll(xw, recurrentKernel, recurrentBias, h0, mask);
    }
}
