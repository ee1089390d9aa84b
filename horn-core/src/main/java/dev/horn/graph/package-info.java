/**
 * Dataflow graphs: {@link dev.horn.graph.Graph} records op applications over symbolic tensors;
 * {@link dev.horn.graph.Function} is {@code tf.function} (trace once per input signature,
 * compile, run many times); {@link dev.horn.graph.Gradients} builds symbolic gradients into a
 * graph. Nodes are recorded in execution order, which is also the order stateful ops (variable
 * assignments) take effect in.
 */
package dev.horn.graph;
