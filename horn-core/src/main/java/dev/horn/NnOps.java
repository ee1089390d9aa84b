package dev.horn;

import dev.horn.ops.nn.LogSoftmax;
import dev.horn.ops.nn.Softmax;

/** Neural-network building blocks: softmax and log-softmax. Part of {@link Tf}. */
public interface NnOps {
    /** softmax over the last axis. */
    default Tensor softmax(Tensor logits) { return new Softmax().apply(logits); }

    /** softmax over any axis (moved last, normalised, moved back). */
    default Tensor softmax(Tensor logits, int axis) {
        return alongLastAxis(logits, axis, x -> new Softmax().apply(x));
    }

    default Tensor logSoftmax(Tensor logits) { return new LogSoftmax().apply(logits); }

    default Tensor logSoftmax(Tensor logits, int axis) {
        return alongLastAxis(logits, axis, x -> new LogSoftmax().apply(x));
    }

    private static Tensor alongLastAxis(Tensor x, int axis, java.util.function.UnaryOperator<Tensor> op) {
        int rank = x.rank();
        int a = Shape.normalizeAxis(axis, rank);
        if (a == rank - 1) {
            return op.apply(x);
        }
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[a] = rank - 1;
        perm[rank - 1] = a;
        return Tf.tf.transpose(op.apply(Tf.tf.transpose(x, perm)), perm);
    }
}
