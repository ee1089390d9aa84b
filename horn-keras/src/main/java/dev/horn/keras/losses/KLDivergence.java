package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/** Keras' {@code kl_divergence} ({@code kld}): {@code sum(yTrue log(yTrue / yPred), -1)} with both clipped to [1e-7, 1]. */
public final class KLDivergence extends Loss {
    public KLDivergence() {
        super("kl_divergence");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        Tensor t = tf.clipByValue(y, LossUtils.EPSILON, 1);
        Tensor p = tf.clipByValue(yPred, LossUtils.EPSILON, 1);
        return tf.reduceSum(t.mul(tf.log(t.div(p))), -1);
    }
}
