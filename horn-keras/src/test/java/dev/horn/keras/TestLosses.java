package dev.horn.keras;

import dev.horn.Tensor;
import dev.horn.keras.losses.Loss;

import static dev.horn.Tf.tf;

/** Losses written out in tests, so training-loop tests depend on nothing but the loop. */
public final class TestLosses {
    private TestLosses() {}

    /** Keras' mean squared error. */
    public static final Loss MSE = new Loss("mean_squared_error") {
        @Override
        public Tensor perSample(Tensor yTrue, Tensor yPred) {
            return tf.reduceMean(tf.square(tf.sub(yPred, tf.cast(yTrue, yPred.dtype()))), -1);
        }
    };
}
