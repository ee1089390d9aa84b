package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;

/**
 * A symbolic tensor of the functional API: a shape (batch axis unknown) and a dtype, but no
 * values, and the {@link Node} that produced it (its "Keras history"). Calling a layer on one
 * records a node; {@code kerasModel(inputs, outputs)} replays the recorded graph.
 * {@snippet :
 * KerasTensor inputs = layerInput(784);
 * KerasTensor predictions = inputs.then(layerDense(64).activation("relu")).then(layerDense(10));
 * }
 *
 * <p>The tensor made by {@code layerInput} can still be given a dtype and a name until it is
 * first used ({@code layerInput(100).dtype(INT32).name("main_input")}); every other tensor is
 * fixed.
 */
public final class KerasTensor {
    private final Shape shape;
    private DType dtype;
    private final Node node;
    private final int tensorIndex;

    KerasTensor(Shape shape, DType dtype, Node node, int tensorIndex) {
        this.shape = shape;
        this.dtype = dtype;
        this.node = node;
        this.tensorIndex = tensorIndex;
    }

    /** A model input: an {@link InputLayer} for one sample of this shape (no batch axis), and its output. */
    public static KerasTensor input(int... shape) {
        InputLayer layer = new InputLayer(shape);
        UniqueNames.defer(layer::name);
        return layer.output();
    }

    public Shape shape() {
        return shape;
    }

    public DType dtype() {
        return dtype;
    }

    /** The layer whose call made this tensor. */
    public Layer layer() {
        return node.layer();
    }

    /** The node that made this tensor. */
    public Node node() {
        return node;
    }

    /** Which of its node's outputs this tensor is. */
    public int tensorIndex() {
        return tensorIndex;
    }

    /** The index of the node among its layer's nodes (the middle number of {@code dense[0][0]}). */
    public int nodeIndex() {
        return node.layer().inboundNodes().indexOf(node);
    }

    /** The name Keras gives the tensor: its layer's name, with the output index when there are several. */
    public String name() {
        return node.outputs().size() == 1 ? layer().name() : layer().name() + "_" + tensorIndex;
    }

    /** Calls {@code layer} on this tensor: the pipe of R's {@code input %>% layer_dense(64)}. */
    public KerasTensor then(Layer layer) {
        return layer.apply(this);
    }

    /** Sets the dtype of a model input ({@code layerInput(100).dtype(INT32)}), before it is used. */
    public KerasTensor dtype(DType value) {
        InputLayer input = editableInput("dtype");
        input.dtype(value);
        dtype = value;
        return this;
    }

    /** Names a model input ({@code layerInput(5).name("aux_input")}), before it is used. */
    public KerasTensor name(String value) {
        editableInput("name").name(value);
        return this;
    }

    private InputLayer editableInput(String what) {
        if (!(layer() instanceof InputLayer input) || !node.consumers().isEmpty()) {
            throw new IllegalStateException("only a model input that is not used yet can be given a " + what
                    + "; " + this + " is " + (layer() instanceof InputLayer ? "already used by a layer" : "a layer's output"));
        }
        return input;
    }

    @Override
    public String toString() {
        return "KerasTensor(shape=" + Shapes.tuple(shape) + ", dtype=" + dtype.tfName() + ", name='" + name()
                + "', description=\"created by layer '" + layer().name() + "'\")";
    }
}
