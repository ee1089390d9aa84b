/**
 * TensorFlow 1's Core API on Horn's graphs: {@link dev.horn.v1.V1#disableEagerExecution()},
 * placeholders, {@link dev.horn.v1.Session#run}, the global variables initializer and
 * {@link dev.horn.v1.GradientDescentOptimizer}.
 */
package dev.horn.v1;
