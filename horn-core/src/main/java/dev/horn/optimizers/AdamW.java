package dev.horn.optimizers;

/**
 * Adam with decoupled weight decay, as Keras' {@code AdamW} (learning_rate=0.001,
 * weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False): before Adam's
 * update, {@code w -= w * weight_decay * lr}.
 */
public final class AdamW extends AdamRule<AdamW> {
    public AdamW() {
        super(0.001);
        weightDecay(0.004);
    }

    @Override
    public AdamW weightDecay(Double weightDecay) {
        if (weightDecay == null) {
            throw new IllegalArgumentException(kind() + ": Argument `weight_decay` must be a float. Received: "
                    + "weight_decay=None");
        }
        return super.weightDecay(weightDecay);
    }
}
