package dev.horn.keras.losses;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/** Keras' {@code log_cosh} ({@code logcosh}): {@code mean(log(cosh(yPred - yTrue)), -1)}, computed as {@code x + softplus(-2x) - log 2} so large errors do not overflow. */
public final class LogCosh extends Loss {
    public LogCosh() {
        super("log_cosh");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        Tensor y = tf.cast(yTrue, yPred.dtype());
        Tensor x = yPred.sub(y);
        return tf.reduceMean(x.add(tf.softplus(x.mul(-2.0))).sub(Math.log(2.0)), -1);
    }
}
