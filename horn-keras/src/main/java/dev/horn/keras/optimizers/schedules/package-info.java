/**
 * Keras' learning-rate schedules ({@code keras.optimizers.schedules}), usable wherever an
 * optimizer takes a learning rate: {@code new Adam().learningRate(new ExponentialDecay(0.01, 1000, 0.9))}.
 * Each is a function of the optimizer's step written with float32 ops, so it is followed inside
 * a compiled train step, and each saves and loads with the optimizer in Keras' schema.
 */
package dev.horn.keras.optimizers.schedules;
