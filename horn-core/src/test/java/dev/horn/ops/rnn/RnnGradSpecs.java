package dev.horn.ops.rnn;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.ops.GradSpec;
import java.util.List;

import static dev.horn.Tf.tf;
import static dev.horn.ops.GradSpec.of;

/**
 * Gradient-check rows for the fused recurrent ops. They run in float32, so the check goes
 * through a cast and uses a coarse step; the masks skip a first, a middle and a last step.
 */
public final class RnnGradSpecs {
    private RnnGradSpecs() {}

    static final Tensor MASK = Tensor.of(new float[] {1, 0, 1, 1, 0, 1, 1, 0}).reshape(2, 4);
    static final Tensor NO_MASK = tf.onesLike(MASK);

    public static List<GradSpec> specs() {
        return List.of(
                of(LstmSequence.class, "lstm h and c sequences", x -> lstm(x, NO_MASK),
                        new int[] {2, 4, 12}, new int[] {3, 12}, new int[] {2, 3}, new int[] {2, 3}).coarse(1e-2, 2e-3),
                of(LstmSequence.class, "lstm with masked steps", x -> lstm(x, MASK),
                        new int[] {2, 4, 12}, new int[] {3, 12}, new int[] {2, 3}, new int[] {2, 3}).coarse(1e-2, 2e-3),
                of(GruSequence.class, "gru h sequence", x -> gru(x, NO_MASK),
                        new int[] {2, 4, 9}, new int[] {3, 9}, new int[] {9}, new int[] {2, 3}).coarse(1e-2, 2e-3),
                of(GruSequence.class, "gru with masked steps", x -> gru(x, MASK),
                        new int[] {2, 4, 9}, new int[] {3, 9}, new int[] {9}, new int[] {2, 3}).coarse(1e-2, 2e-3));
    }

    private static Tensor lstm(Tensor[] x, Tensor mask) {
        Tensor[] out = tf.lstmSequence(f32(x[0]), f32(x[1]), f32(x[2]), f32(x[3]), mask);
        return tf.cast(tf.concat(List.of(out[0], out[1]), 2), DType.FLOAT64);
    }

    private static Tensor gru(Tensor[] x, Tensor mask) {
        return tf.cast(tf.gruSequence(f32(x[0]), f32(x[1]), f32(x[2]), f32(x[3]), mask)[0], DType.FLOAT64);
    }

    private static Tensor f32(Tensor t) {
        return tf.cast(t, DType.FLOAT32);
    }
}
