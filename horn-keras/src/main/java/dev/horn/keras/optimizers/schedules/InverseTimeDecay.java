package dev.horn.keras.optimizers.schedules;

import dev.horn.Tensor;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code InverseTimeDecay}: {@code initial_learning_rate / (1 + decay_rate * step / decay_steps)},
 * the quotient floored when {@code staircase}.
 */
public final class InverseTimeDecay extends StepDecay {
    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate, boolean staircase) {
        super("InverseTimeDecay", initialLearningRate, decaySteps, decayRate, staircase);
    }

    public InverseTimeDecay(double initialLearningRate, double decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    @Override
    Tensor rate(Tensor p) {
        return tf.div(f(initialLearningRate), tf.add(f(1), tf.mul(f(decayRate), p)));
    }
}
