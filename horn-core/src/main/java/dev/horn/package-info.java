/**
 * Horn's engine, the public face: {@link dev.horn.Tensor} (immutable n-dimensional arrays),
 * {@link dev.horn.DType}, {@link dev.horn.Shape}, {@link dev.horn.Variable} (mutable state) and
 * the ops facade {@link dev.horn.Tf#tf}.
 *
 * <p>Contract: every op call validates its inputs with the op's shape rule before anything
 * runs, so a bad call fails with a message naming the op and the shapes and changes nothing.
 * Ops run eagerly by default; while a {@link dev.horn.graph.Graph} is being traced the same
 * calls record nodes instead and return symbolic tensors.
 */
package dev.horn;
