/**
 * The graph compiler: lowers the needed part of a graph, folds constants, merges common
 * subexpressions, prunes, fuses element-wise chains into single passes, plans buffers and
 * schedules a {@link dev.horn.graph.compiler.Program}. Passes never merge, fold or drop
 * stateful ops, and keep their relative order.
 *
 * <p>The schedule is a dependency graph of steps: a step may start once the steps producing
 * its inputs are done, and stateful steps whose {@link dev.horn.ops.StateAccess}es conflict
 * keep their program order. A program runs independent small steps side by side on Horn's
 * cores, and big ones (which split across the cores by themselves) alone; any order it picks
 * gives the values of the sequential order, bit for bit.
 */
package dev.horn.graph.compiler;
