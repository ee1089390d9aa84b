package dev.horn.ops.rnn;

import dev.horn.Tensor;
import java.util.ArrayList;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * The reference the fused ops are checked against: Keras' LSTM and GRU cells written step by
 * step with primitive ops (in any float dtype), so the tape gives their gradients too.
 */
final class ComposedCells {
    private ComposedCells() {}

    /** h and c sequences, [batch, time, u] each. */
    static Tensor[] lstm(Tensor xw, Tensor kernel, Tensor h0, Tensor c0, Tensor mask) {
        int time = xw.shape().dim(1);
        int u = kernel.shape().dim(0);
        Tensor h = h0;
        Tensor c = c0;
        List<Tensor> hs = new ArrayList<>();
        List<Tensor> cs = new ArrayList<>();
        for (int t = 0; t < time; t++) {
            Tensor z = tf.add(step(xw, t), tf.matmul(h, kernel));
            Tensor[] parts = tf.split(z, 4, 1);
            Tensor i = tf.sigmoid(parts[0]);
            Tensor f = tf.sigmoid(parts[1]);
            Tensor g = tf.tanh(parts[2]);
            Tensor o = tf.sigmoid(parts[3]);
            Tensor cNew = tf.add(tf.mul(f, c), tf.mul(i, g));
            Tensor hNew = tf.mul(o, tf.tanh(cNew));
            Tensor keep = keep(mask, t, u, xw);
            c = tf.where(keep, cNew, c);
            h = tf.where(keep, hNew, h);
            hs.add(h);
            cs.add(c);
        }
        return new Tensor[] {tf.stack(hs, 1), tf.stack(cs, 1)};
    }

    /** The h sequence of a reset_after GRU. */
    static Tensor gru(Tensor xw, Tensor kernel, Tensor recurrentBias, Tensor h0, Tensor mask) {
        int time = xw.shape().dim(1);
        int u = kernel.shape().dim(0);
        Tensor h = h0;
        List<Tensor> hs = new ArrayList<>();
        for (int t = 0; t < time; t++) {
            Tensor[] x = tf.split(step(xw, t), 3, 1);
            Tensor[] rec = tf.split(tf.add(tf.matmul(h, kernel), recurrentBias), 3, 1);
            Tensor z = tf.sigmoid(tf.add(x[0], rec[0]));
            Tensor r = tf.sigmoid(tf.add(x[1], rec[1]));
            Tensor hh = tf.tanh(tf.add(x[2], tf.mul(r, rec[2])));
            Tensor hNew = tf.add(tf.mul(z, h), tf.mul(tf.sub(tf.onesLike(z), z), hh));
            h = tf.where(keep(mask, t, u, xw), hNew, h);
            hs.add(h);
        }
        return tf.stack(hs, 1);
    }

    private static Tensor step(Tensor seq, int t) {
        int[] dims = seq.shape().dims();
        return tf.reshape(tf.slice(seq, new int[] {0, t, 0}, new int[] {dims[0], 1, dims[2]}), dims[0], dims[2]);
    }

    private static Tensor keep(Tensor mask, int t, int u, Tensor like) {
        int batch = mask.shape().dim(0);
        Tensor m = tf.reshape(tf.slice(mask, new int[] {0, t}, new int[] {batch, 1}), batch, 1);
        return tf.broadcastTo(tf.greater(m, Tensor.scalar(m.dtype(), 0)), batch, u);
    }
}
