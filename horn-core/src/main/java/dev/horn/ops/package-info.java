/**
 * Primitive ops: one class per op, holding its attributes, shape and dtype rule
 * ({@link dev.horn.ops.Op#infer}), CPU kernel ({@link dev.horn.ops.Op#compute}) and gradient
 * written with other ops ({@link dev.horn.ops.Op#gradient}). Sub-packages group ops by kind and
 * list them in a catalog that {@link dev.horn.ops.OpRegistry} gathers.
 *
 * <p>Adding an op is one file, one line in its package's catalog, one line in the facade
 * interface, and a row in that package's gradient-check table (tests fail without it).
 */
package dev.horn.ops;
