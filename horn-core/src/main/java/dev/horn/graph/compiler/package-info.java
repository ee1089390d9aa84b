/**
 * The graph compiler: lowers the needed part of a graph, folds constants, merges common
 * subexpressions, prunes, fuses element-wise chains into single passes, plans buffers and
 * schedules a flat {@link dev.horn.graph.compiler.Program}. Passes never merge, fold or drop
 * stateful ops, and keep their relative order.
 */
package dev.horn.graph.compiler;
