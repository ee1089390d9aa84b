/**
 * Activation functions by Keras name ({@code keras.activations}): {@link
 * dev.horn.keras.activations.Activations#get} resolves {@code "relu"}, {@code "softmax"}, ...;
 * {@link dev.horn.keras.activations.Activation#of} names a custom one. Every activation is a
 * composition of engine ops, so it differentiates and traces with no code of its own; a layer
 * saves only its name, as Keras does.
 */
package dev.horn.keras.activations;
