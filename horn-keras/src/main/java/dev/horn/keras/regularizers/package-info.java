/**
 * Weight penalties by Keras name ({@code keras.regularizers}): {@link
 * dev.horn.keras.regularizers.Regularizers#get} resolves {@code "l1"}, {@code "l2"}, {@code
 * "l1_l2"}. A regularizer maps a weight to a scalar of its dtype, written with ops, so the
 * penalty is part of the traced train step and of its gradient.
 */
package dev.horn.keras.regularizers;
