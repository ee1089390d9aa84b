package dev.horn.optimizers;

/** Argument checks whose messages name the optimizer, the argument (Keras' spelling) and the value. */
final class Arguments {
    private Arguments() {}

    static double nonNegative(String optimizer, String argument, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(optimizer + ": `" + argument
                    + "` must be a non-negative number. Received: " + argument + "=" + value);
        }
        return value;
    }

    static double positive(String optimizer, String argument, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(optimizer + ": `" + argument
                    + "` must be a positive number. Received: " + argument + "=" + value);
        }
        return value;
    }

    /** In [0, 1): decay rates such as rho and the betas, where 1 would freeze the average. */
    static double decayRate(String optimizer, String argument, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + ": `" + argument
                    + "` must be in [0, 1). Received: " + argument + "=" + value);
        }
        return value;
    }

    /** In [0, 1], closed, as Keras checks SGD's momentum. */
    static double unitInterval(String optimizer, String argument, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(optimizer + ": `" + argument
                    + "` must be a float between [0, 1]. Received: " + argument + "=" + value);
        }
        return value;
    }
}
