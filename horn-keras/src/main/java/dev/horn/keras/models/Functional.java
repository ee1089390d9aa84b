package dev.horn.keras.models;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.KerasTensor;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Node;
import dev.horn.keras.layers.Shapes;
import dev.horn.keras.layers.UniqueNames;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * A model defined by its inputs and outputs, as R's {@code keras_model(inputs, outputs)}: the
 * graph of layer calls between them, replayed node by node, deepest first. Being a layer, a
 * model can be called on new symbolic tensors (its weights are then shared), nested in another
 * model or wrapped in {@code timeDistributed}.
 * {@snippet :
 * var inputs = layerInput(784);
 * var predictions = inputs.then(layerDense(64).activation("relu")).then(layerDense(10).activation("softmax"));
 * var model = kerasModel(inputs, predictions);
 * }
 */
public final class Functional extends Model {
    private final List<KerasTensor> inputs;
    private final List<KerasTensor> outputs;
    private final GraphMap graph;
    /** The inputs and output masks of the latest forward pass, so computeMasks need not run the graph again. */
    private List<Tensor> lastInputs = List.of();
    private List<Tensor> lastOutputMasks = List.of();

    public Functional(List<KerasTensor> inputs, List<KerasTensor> outputs) {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("A functional model needs at least one input and one output; got "
                    + inputs.size() + " inputs and " + outputs.size() + " outputs");
        }
        for (KerasTensor in : inputs) {
            if (!(in.layer() instanceof InputLayer)) {
                throw new IllegalArgumentException("Input tensors to a Functional must come from `layerInput()`. Received: "
                        + in + " (an output of layer \"" + in.layer().name() + "\", not a model input).");
            }
        }
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.graph = new GraphMap(inputs, outputs);
        UniqueNames.drawPending();
        name(); // Keras names a model when it is created
        ensureBuilt(inputs.stream().map(KerasTensor::shape).toList()); // its layers were built as the graph was made
    }

    public Functional name(String name) {
        setName(name);
        return this;
    }

    @Override
    protected String defaultName() {
        return UniqueNames.next("model");
    }

    @Override
    public String className() {
        return "Functional";
    }

    @Override
    public List<Layer> layers() {
        return graph.layers;
    }

    /** Whether this node is a call inside this model's graph (a shared layer also has nodes elsewhere). */
    public boolean hasNode(Node node) {
        return graph.nodes.contains(node);
    }

    /** The model's input tensors (Keras' {@code model$inputs}). */
    public List<KerasTensor> inputs() {
        return inputs;
    }

    /** The model's output tensors (Keras' {@code model$outputs}). */
    public List<KerasTensor> outputs() {
        return outputs;
    }

    @Override
    public KerasTensor output() {
        return outputs.size() == 1 ? outputs.getFirst() : super.output();
    }

    @Override
    public KerasTensor input() {
        return inputs.size() == 1 ? inputs.getFirst() : super.input();
    }

    @Override
    public Shape inputShape() {
        return inputs.size() == 1 ? inputs.getFirst().shape() : super.inputShape();
    }

    @Override
    public Shape outputShape() {
        return outputs.size() == 1 ? outputs.getFirst().shape() : super.outputShape();
    }

    @Override
    public List<String> inputNames() {
        return inputs.stream().map(t -> t.layer().name()).toList();
    }

    @Override
    public List<String> outputNames() {
        return outputs.stream().map(t -> t.layer().name()).toList();
    }

    @Override
    public List<Shape> outputShapes() {
        return outputs.stream().map(KerasTensor::shape).toList();
    }

    // ---- building: the layers were built when they were called ----

    @Override
    public void buildFor(Shape inputShape) {
        buildFor(List.of(inputShape));
    }

    /** Checks data shapes against the model's inputs (its layers were built when the graph was made). */
    @Override
    public void buildFor(List<Shape> dataShapes) {
        if (dataShapes.size() != inputs.size()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + inputs.size() + " input(s), but it "
                    + "received " + dataShapes.size() + " input tensors. Inputs received: "
                    + dataShapes.stream().map(Shapes::tuple).toList());
        }
        for (int i = 0; i < inputs.size(); i++) {
            Shape expected = inputs.get(i).shape();
            Shape got = dataShapes.get(i);
            boolean ok = got.rank() == expected.rank();
            for (int d = 1; ok && d < got.rank(); d++) {
                ok = expected.dim(d) == Shape.UNKNOWN || got.dim(d) == Shape.UNKNOWN || expected.dim(d) == got.dim(d);
            }
            if (!ok) {
                throw new IllegalArgumentException("Input " + i + " of layer \"" + name() + "\" is incompatible with the "
                        + "layer: expected shape=" + Shapes.tuple(expected) + ", found shape=" + Shapes.tuple(got));
            }
        }
    }

    @Override
    protected void build(Shape inputShape) {
        buildFor(inputShape);
    }

    @Override
    protected void buildMany(List<Shape> inputShapes) {
        buildFor(inputShapes);
    }

    @Override
    protected void checkInputShapes(List<Shape> inputShapes) {
        buildFor(inputShapes);
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        buildFor(List.of(inputShape));
    }

    // ---- the forward pass: the graph replayed ----

    @Override
    protected Tensor call(Tensor x, boolean training) {
        return callMany(List.of(x), training, null).getFirst();
    }

    @Override
    protected List<Tensor> callMany(List<Tensor> data, boolean training, List<Tensor> masks) {
        Map<KerasTensor, Tensor> values = new IdentityHashMap<>();
        Map<KerasTensor, Tensor> valueMasks = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = data.get(i);
            DType want = inputs.get(i).dtype();
            values.put(inputs.get(i), x.dtype() == want ? x : tf.cast(x, want));
            if (masks != null && masks.get(i) != null) {
                valueMasks.put(inputs.get(i), masks.get(i));
            }
        }
        for (List<Node> atDepth : graph.nodesByDepth) {
            for (Node node : atDepth) {
                if (node.isInput()) {
                    continue;
                }
                List<Tensor> in = new ArrayList<>();
                List<Tensor> inMasks = new ArrayList<>();
                for (KerasTensor t : node.inputs()) {
                    in.add(values.get(t));
                    inMasks.add(valueMasks.get(t));
                }
                boolean anyMask = inMasks.stream().anyMatch(m -> m != null);
                List<Tensor> out = node.layer().applyMany(in, training, anyMask ? inMasks : null);
                List<Tensor> outMasks = node.layer().computeMasks(in, anyMask ? inMasks : null);
                for (int o = 0; o < out.size(); o++) {
                    values.put(node.outputs().get(o), out.get(o));
                    if (outMasks != null && outMasks.get(o) != null) {
                        valueMasks.put(node.outputs().get(o), outMasks.get(o));
                    }
                }
            }
        }
        lastInputs = List.copyOf(data);
        lastOutputMasks = java.util.Arrays.asList(outputs.stream().map(valueMasks::get).toArray(Tensor[]::new));
        return outputs.stream().map(values::get).toList();
    }

    /** The output shapes for inputs of these shapes: each node's shape rule, replayed. */
    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        Map<KerasTensor, Shape> shapes = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            shapes.put(inputs.get(i), inputShapes.get(i));
        }
        for (List<Node> atDepth : graph.nodesByDepth) {
            for (Node node : atDepth) {
                if (!node.isInput()) {
                    List<Shape> out = node.layer().computeOutputShapes(node.inputs().stream().map(shapes::get).toList());
                    for (int o = 0; o < out.size(); o++) {
                        shapes.put(node.outputs().get(o), out.get(o));
                    }
                }
            }
        }
        return outputs.stream().map(shapes::get).toList();
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        List<Shape> out = computeOutputShapes(List.of(inputShape));
        if (out.size() != 1) {
            throw new IllegalStateException("model \"" + name() + "\" has " + out.size() + " outputs");
        }
        return out.getFirst();
    }

    @Override
    public List<DType> computeOutputDtypes(List<DType> inputDtypes, int outputCount) {
        return outputs.stream().map(KerasTensor::dtype).toList();
    }

    /** The masks the outputs carry (an inner embedding with mask_zero), from the forward pass on these inputs. */
    @Override
    public List<Tensor> computeMasks(List<Tensor> in, List<Tensor> masks) {
        boolean same = in.size() == lastInputs.size();
        for (int i = 0; same && i < in.size(); i++) {
            same = in.get(i) == lastInputs.get(i);
        }
        if (!same) {
            callMany(in, false, masks);
        }
        return lastOutputMasks;
    }

    @Override
    protected Shape outputShapeOrNull() {
        return outputs.getFirst().shape();
    }

    // ---- printing ----

    @Override
    protected boolean summaryIsSequentialLike() {
        return graph.isSequentialLike();
    }

    @Override
    protected List<Summary.Row> summaryRows() {
        List<Summary.Row> rows = new ArrayList<>();
        for (Layer l : graph.layers) {
            List<String> connections = new ArrayList<>();
            for (Node n : l.inboundNodes()) {
                if (graph.nodes.contains(n)) {
                    connections.addAll(n.inboundConnections());
                }
            }
            rows.add(new Summary.Row(l, Summary.outputShapeText(l), connections));
        }
        return rows;
    }

    /** The nodes of this model's graph (a shared layer may have nodes in other graphs too). */
    java.util.Set<Node> graphNodes() {
        return graph.nodes;
    }
}
