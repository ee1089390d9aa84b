package dev.horn.keras.losses;

import dev.horn.Tensor;
import dev.horn.keras.internal.LossUtils;

import static dev.horn.Tf.tf;

/** Keras' {@code poisson}: {@code mean(yPred - yTrue log(yPred + 1e-7), -1)}. */
public final class Poisson extends Loss {
    public Poisson() {
        super("poisson");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        return tf.reduceMean(yPred.sub(y.mul(tf.log(yPred.add(LossUtils.EPSILON)))), -1);
    }
}
