package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One call of a layer on symbolic tensors: the inbound tensors it read and the outbound
 * tensors it made. A layer called twice (a shared layer) owns two nodes; a model input is a
 * node of its {@link InputLayer} with no inbound tensors.
 */
public final class Node {
    private final Layer layer;
    private final List<KerasTensor> inputs;
    private final List<KerasTensor> outputs;
    private final List<Node> consumers = new ArrayList<>();

    private Node(Layer layer, List<KerasTensor> inputs, List<Shape> outputShapes, List<DType> outputDtypes) {
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        List<KerasTensor> outs = new ArrayList<>();
        for (int i = 0; i < outputShapes.size(); i++) {
            outs.add(new KerasTensor(outputShapes.get(i), outputDtypes.get(i), this, i));
        }
        this.outputs = List.copyOf(outs);
        for (Node parent : parentNodes()) {
            parent.consumers.add(this);
        }
        layer.addInboundNode(this);
    }

    /** The input node of an {@link InputLayer}: no inbound tensors, one output of the declared shape. */
    static Node input(InputLayer layer, Shape shape) {
        return new Node(layer, List.of(), List.of(shape), List.of(layer.dtype()));
    }

    /** Builds {@code layer} for the inputs' shapes, infers its outputs and records the node. */
    static List<KerasTensor> connect(Layer layer, List<KerasTensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" was called on no inputs");
        }
        if (layer instanceof InputLayer) {
            throw new IllegalArgumentException("An InputLayer (\"" + layer.name() + "\") cannot be called on a tensor; "
                    + "use its output as the model's input");
        }
        UniqueNames.drawPending();
        List<Shape> shapes = inputs.stream().map(KerasTensor::shape).toList();
        List<Shape> outputShapes;
        try {
            layer.ensureBuilt(shapes);
            layer.checkInputShapes(shapes);
            outputShapes = layer.computeOutputShapes(shapes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot connect " + describe(inputs) + " to layer \"" + layer.name()
                    + "\" (" + layer.className() + "): " + e.getMessage(), e);
        }
        List<DType> dtypes = layer.computeOutputDtypes(inputs.stream().map(KerasTensor::dtype).toList(),
                outputShapes.size());
        return new Node(layer, inputs, outputShapes, dtypes).outputs;
    }

    private static String describe(List<KerasTensor> inputs) {
        List<String> parts = new ArrayList<>();
        for (KerasTensor t : inputs) {
            parts.add("the output of layer \"" + t.layer().name() + "\" (shape " + Shapes.tuple(t.shape()) + ")");
        }
        return String.join(" and ", parts);
    }

    public Layer layer() {
        return layer;
    }

    public List<KerasTensor> inputs() {
        return inputs;
    }

    public List<KerasTensor> outputs() {
        return outputs;
    }

    public List<Shape> inputShapes() {
        return inputs.stream().map(KerasTensor::shape).toList();
    }

    public List<Shape> outputShapes() {
        return outputs.stream().map(KerasTensor::shape).toList();
    }

    /** True for the node of a model input. */
    public boolean isInput() {
        return inputs.isEmpty();
    }

    /** The nodes that made this node's inputs, each once. */
    public List<Node> parentNodes() {
        Set<Node> parents = new LinkedHashSet<>();
        for (KerasTensor t : inputs) {
            parents.add(t.node());
        }
        return List.copyOf(parents);
    }

    /** The nodes that read this node's outputs, in the order they were made. */
    List<Node> consumers() {
        return java.util.Collections.unmodifiableList(consumers);
    }

    /** Keras' {@code dense[0][0]}: the layer, node and output index of each inbound tensor. */
    public List<String> inboundConnections() {
        return inputs.stream().map(t -> t.layer().name() + "[" + t.nodeIndex() + "][" + t.tensorIndex() + "]").toList();
    }

    @Override
    public String toString() {
        return "<Node of " + layer.name() + ": " + inboundConnections() + " -> " + outputs.size() + " outputs>";
    }
}
