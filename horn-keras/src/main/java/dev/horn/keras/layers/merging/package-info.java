/**
 * Keras' merge layers: each takes a list of tensors and returns one ({@code add},
 * {@code subtract}, {@code multiply}, {@code average}, {@code maximum}, {@code minimum},
 * {@code concatenate}, {@code dot}). Element-wise merges broadcast as Keras does: inputs of lower
 * rank gain axes after the batch axis, and axes of size 1 stretch. A merged output is masked
 * where any masked input is.
 */
package dev.horn.keras.layers.merging;
