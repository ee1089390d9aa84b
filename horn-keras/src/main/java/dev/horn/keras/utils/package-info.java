/**
 * Helpers of Keras' {@code keras.utils} that work on whole tensors outside a model:
 * {@link dev.horn.keras.utils.NumericalUtils} ({@code toCategorical}, {@code normalize},
 * R's {@code arrayReshape}). They run eagerly on concrete tensors.
 */
package dev.horn.keras.utils;
