package dev.horn.keras.models;

import dev.horn.keras.layers.KerasTensor;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The graph between a functional model's inputs and outputs, as Keras' {@code _map_graph_network}
 * finds it: a depth-first walk back from the outputs, each node's depth the longest path to an
 * output, the nodes run deepest first and the layers listed deepest first (ties in walk order).
 * It rejects cycles, outputs that the inputs cannot reach ("Graph disconnected") and layer
 * names used twice.
 */
final class GraphMap {
    /** Nodes grouped by depth, deepest first: the order a forward pass runs them. */
    final List<List<Node>> nodesByDepth;
    /** The model's layers, deepest first, input layers included. */
    final List<Layer> layers;
    /** Every node of the graph, for the summary's {@code Connected to} column. */
    final Set<Node> nodes;

    GraphMap(List<KerasTensor> inputs, List<KerasTensor> outputs) {
        List<Node> postOrder = new ArrayList<>();
        Map<Layer, Integer> layerIndices = new IdentityHashMap<>();
        Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KerasTensor output : outputs) {
            walk(output, finished, inProgress, postOrder, layerIndices);
        }

        Map<Node, Integer> nodeDepths = new IdentityHashMap<>();
        Map<Layer, Integer> layerDepths = new LinkedHashMap<>();
        for (Node node : postOrder.reversed()) {
            int depth = Math.max(nodeDepths.getOrDefault(node, 0), layerDepths.getOrDefault(node.layer(), 0));
            layerDepths.put(node.layer(), depth);
            nodeDepths.put(node, depth);
            for (Node parent : node.parentNodes()) {
                nodeDepths.put(parent, Math.max(depth + 1, nodeDepths.getOrDefault(parent, 0)));
            }
        }
        // inputs the outputs do not use still belong to the model (Keras keeps them at depth 0)
        for (KerasTensor input : inputs) {
            if (!layerDepths.containsKey(input.layer())) {
                layerDepths.put(input.layer(), 0);
                layerIndices.put(input.layer(), -1);
                nodeDepths.put(input.node(), 0);
            }
        }

        TreeMap<Integer, List<Node>> byDepth = new TreeMap<>(Collections.reverseOrder());
        for (Node node : postOrder) {
            byDepth.computeIfAbsent(nodeDepths.get(node), d -> new ArrayList<>()).add(node);
        }
        for (KerasTensor input : inputs) {
            if (!postOrder.contains(input.node())) {
                byDepth.computeIfAbsent(0, d -> new ArrayList<>()).add(input.node());
            }
        }
        TreeMap<Integer, List<Layer>> layersByDepth = new TreeMap<>(Collections.reverseOrder());
        for (Map.Entry<Layer, Integer> e : layerDepths.entrySet()) {
            layersByDepth.computeIfAbsent(e.getValue(), d -> new ArrayList<>()).add(e.getKey());
        }
        List<Layer> ordered = new ArrayList<>();
        for (List<Layer> atDepth : layersByDepth.values()) {
            atDepth.sort((a, b) -> Integer.compare(layerIndices.get(a), layerIndices.get(b)));
            ordered.addAll(atDepth);
        }
        this.nodesByDepth = byDepth.values().stream().map(List::copyOf).toList();
        this.layers = List.copyOf(ordered);
        Set<Node> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(nodeDepths.keySet());
        this.nodes = Collections.unmodifiableSet(all);
        checkComputable(inputs);
        checkUniqueNames();
    }

    private static void walk(KerasTensor tensor, Set<Node> finished, Set<Node> inProgress, List<Node> postOrder,
                             Map<Layer, Integer> layerIndices) {
        Node node = tensor.node();
        if (finished.contains(node)) {
            return;
        }
        if (inProgress.contains(node)) {
            throw new IllegalArgumentException("The tensor " + tensor + " at layer \"" + node.layer().name()
                    + "\" is part of a cycle.");
        }
        layerIndices.putIfAbsent(node.layer(), layerIndices.size());
        inProgress.add(node);
        for (KerasTensor in : node.inputs()) {
            walk(in, finished, inProgress, postOrder, layerIndices);
        }
        finished.add(node);
        inProgress.remove(node);
        postOrder.add(node);
    }

    private void checkComputable(List<KerasTensor> inputs) {
        Set<KerasTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
        computable.addAll(inputs);
        List<String> done = new ArrayList<>();
        for (List<Node> atDepth : nodesByDepth) {
            for (Node node : atDepth) {
                if (node.isInput()) {
                    continue;
                }
                for (KerasTensor in : node.inputs()) {
                    if (!computable.contains(in)) {
                        throw new IllegalArgumentException("Graph disconnected: cannot obtain value for tensor " + in
                                + " at layer \"" + node.layer().name() + "\". The following previous layers were accessed "
                                + "without issue: " + done);
                    }
                }
                computable.addAll(node.outputs());
                done.add(node.layer().name());
            }
        }
    }

    private void checkUniqueNames() {
        Map<String, Integer> counts = new HashMap<>();
        for (Layer l : layers) {
            counts.merge(l.name(), 1, Integer::sum);
        }
        for (Layer l : layers) {
            int n = counts.get(l.name());
            if (n != 1) {
                throw new IllegalArgumentException("The name \"" + l.name() + "\" is used " + n
                        + " times in the model. All layer names should be unique.");
            }
        }
    }

    /** Whether Keras would print this graph as a plain stack (no {@code Connected to} column). */
    boolean isSequentialLike() {
        for (List<Node> atDepth : nodesByDepth) {
            if (atDepth.size() > 1 || atDepth.getFirst().inputs().size() > 1) {
                return false;
            }
        }
        for (Layer l : layers) {
            if (l.inboundNodes().stream().filter(nodes::contains).count() > 1) {
                return false;
            }
        }
        return true;
    }
}
