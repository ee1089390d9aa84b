package dev.horn.keras.layers;

import dev.horn.Shape;
import java.util.List;

/**
 * Keras' rules for a layer's {@code input}, {@code output} and their shapes: well defined
 * while the layer has one node (or, for shapes, while all nodes agree), an error naming
 * {@code getOutputAt(nodeIndex)} otherwise.
 */
final class NodeAttributes {
    private NodeAttributes() {}

    static Node node(Layer layer, int nodeIndex) {
        List<Node> nodes = layer.inboundNodes();
        if (nodes.isEmpty()) {
            throw new IllegalStateException("Layer " + layer.name() + " is not connected, no input to return.");
        }
        if (nodeIndex < 0 || nodeIndex >= nodes.size()) {
            throw new IllegalArgumentException("Asked to get a node at index " + nodeIndex + ", but the layer has only "
                    + nodes.size() + " inbound nodes.");
        }
        return nodes.get(nodeIndex);
    }

    static Node onlyNode(Layer layer, String attribute) {
        List<Node> nodes = layer.inboundNodes();
        if (nodes.isEmpty()) {
            throw new IllegalStateException("Layer " + layer.name() + " is not connected, no " + attribute + " to return.");
        }
        if (nodes.size() > 1) {
            String at = attribute.equals("output") ? "getOutputAt" : "getInputAt";
            throw new IllegalStateException("Layer " + layer.name() + " has multiple inbound nodes, hence the notion of \"layer "
                    + attribute + "\" is ill-defined. Use `" + at + "(nodeIndex)` instead.");
        }
        return nodes.getFirst();
    }

    static KerasTensor single(Layer layer, List<KerasTensor> tensors, String attribute) {
        if (tensors.size() != 1) {
            throw new IllegalStateException("Layer " + layer.name() + " has " + tensors.size() + " " + attribute
                    + " tensors at this node; read them from inboundNodes().get(i)." + attribute + "s()");
        }
        return tensors.getFirst();
    }

    static Shape agreedShape(Layer layer, boolean input) {
        List<Node> nodes = layer.inboundNodes();
        if (nodes.isEmpty()) {
            throw new IllegalStateException("The layer " + layer.name() + " has never been called and thus has no defined "
                    + (input ? "input" : "output") + " shape.");
        }
        List<Shape> first = input ? nodes.getFirst().inputShapes() : nodes.getFirst().outputShapes();
        for (Node n : nodes) {
            if (!(input ? n.inputShapes() : n.outputShapes()).equals(first)) {
                String what = input ? "input" : "output";
                String at = input ? "getInputShapeAt" : "getOutputShapeAt";
                throw new IllegalStateException("The layer \"" + layer.name() + "\" has multiple inbound nodes, with different "
                        + what + " shapes. Hence the notion of \"" + what + " shape\" is ill-defined for the layer. Use `"
                        + at + "(nodeIndex)` instead.");
            }
        }
        if (first.size() != 1) {
            throw new IllegalStateException("Layer " + layer.name() + " has " + first.size() + " " + (input ? "input" : "output")
                    + " shapes; read them from inboundNodes().get(i)");
        }
        return first.getFirst();
    }
}
