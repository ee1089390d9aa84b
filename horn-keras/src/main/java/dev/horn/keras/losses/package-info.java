/**
 * Keras' losses, one class per loss with Keras' default arguments as builder methods
 * ({@code new CategoricalCrossentropy().fromLogits(true)}), found by name with
 * {@link dev.horn.keras.losses.Losses#get}, and custom losses from a function with
 * {@link dev.horn.keras.losses.Loss#of}.
 *
 * <p>The contract: {@link dev.horn.keras.losses.Loss#perSample} gives one value per sample
 * (the last axis averaged or summed away, as the Keras function does) and
 * {@link dev.horn.keras.losses.Loss#call} reduces it Keras' default way, "sum over batch size".
 * Every loss is written with ops only, so the same code runs eagerly, inside a traced
 * {@link dev.horn.graph.Function} and under a {@link dev.horn.autodiff.GradientTape}. Shape
 * checks happen at call time on static shapes; value checks (label ranges) only run eagerly.
 */
package dev.horn.keras.losses;
