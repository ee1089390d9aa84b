/**
 * Random numbers: Philox4x32-10 counter-based streams ({@link dev.horn.random.Philox}),
 * TensorFlow's seed rules ({@link dev.horn.random.Seeds}) and the distributions drawn from them.
 *
 * <p>Contract: with a global seed set ({@code Horn.setSeed}), every random tensor is
 * bit-identical run to run, whatever the thread count, because element {@code i} is computed
 * from the stream and {@code i} alone. Users call the ops on {@code tf}
 * ({@code tf.randomUniform}, {@code tf.randomNormal}, ...); random ops have no inputs and no
 * gradient.
 */
package dev.horn.random;
