package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code ExponentialDecay}: {@code initial_learning_rate * decay_rate ^ (step / decay_steps)},
 * the exponent floored when {@code staircase}.
 */
public final class ExponentialDecay extends StepDecay {
    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase) {
        super("ExponentialDecay", initialLearningRate, decaySteps, decayRate, staircase);
    }

    public ExponentialDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    Tensor rate(Tensor p) {
        return tf.mul(f(initialLearningRate), tf.pow(f(decayRate), p));
    }
}
