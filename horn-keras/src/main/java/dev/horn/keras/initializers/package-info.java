/**
 * Weight initializers by Keras name ({@code keras.initializers}): {@link
 * dev.horn.keras.initializers.Initializers#get} resolves {@code "glorot_uniform"} or {@code
 * "GlorotUniform"}, the factories there take Keras' arguments, and {@code getConfig()} returns
 * them in Keras' names. An initializer makes a concrete tensor once, when a layer builds its
 * weights; it is not an op and does not trace. A seeded initializer returns the same values at
 * every call; an unseeded one draws from the global stream ({@link dev.horn.Horn#setSeed}).
 */
package dev.horn.keras.initializers;
