/**
 * Weight constraints by Keras name ({@code keras.constraints}): {@link
 * dev.horn.keras.constraints.Constraints#get} resolves {@code "max_norm"}, {@code "non_neg"},
 * {@code "unit_norm"}, {@code "min_max_norm"}. A constraint maps a weight to its projection,
 * written with ops; an optimizer applies it after each update, in the same traced step.
 */
package dev.horn.keras.constraints;
