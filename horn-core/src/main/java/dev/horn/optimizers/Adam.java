package dev.horn.optimizers;

/**
 * Adam, as Keras' {@code Adam} (learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
 * amsgrad=False); slots {@code momentum}, {@code velocity} and, with amsgrad,
 * {@code velocity_hat}. The update is in {@link AdamRule}.
 * {@snippet :
 * var adam = new Adam().learningRate(0.01).beta1(0.8);
 * adam.minimize(() -> tf.reduceSum(w.mul(w.read())), List.of(w));
 * }
 */
public final class Adam extends AdamRule<Adam> {
    public Adam() {
        super(0.001);
    }
}
