package dev.horn.keras.losses;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code squared_hinge}: {@code mean(square(max(1 - yTrue yPred, 0)), -1)}, 0/1 labels
 * mapped to -1/1 as in {@link Hinge}.
 */
public final class SquaredHinge extends Loss {
    public SquaredHinge() {
        super("squared_hinge");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
        return tf.reduceMean(tf.square(Hinge.margin(yTrue, yPred)), -1);
    }
}
