package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * A Keras layer: {@link #build} creates its weights once the input shape is known,
 * {@link #call} is written with ops only (so it runs eagerly, traced into the train step, and
 * under a gradient tape), {@link #computeOutputShape} is its shape rule. Shapes include the
 * batch axis, {@link Shape#UNKNOWN} where it is not known ({@code None} in Keras' printouts).
 *
 * <p>State a layer updates while training (BatchNormalization's moving mean and variance) lives
 * in non-trainable weights that {@link #call} assigns ({@code Variable.assign}) when
 * {@code training} is true: a traced train step records the assignments as stateful ops and
 * runs them at every step, eagerly they happen at once, and evaluate/predict (training false)
 * leave them alone. No other registration is needed.
 *
 * <p>Fluent setters shared by every layer ({@code name}, {@code inputShape}, {@code trainable})
 * live in {@link FluentLayer}, so {@code layerDense(64).activation("relu").inputShape(784)}
 * keeps its type.
 */
public abstract class Layer {
    private String name;
    private boolean trainable = true;
    private DType dtype = DType.FLOAT32;
    private int[] declaredInputShape;
    private Integer declaredBatchSize;
    private Shape builtInputShape;
    private List<Shape> builtInputShapes;
    private final List<LayerWeight> weights = new ArrayList<>();
    private final List<Node> inboundNodes = new ArrayList<>();

    protected Layer() {}

    // ---- identity ----

    /** The class name Keras prints in summaries ({@code Dense}, {@code Dropout}). */
    public String className() {
        return getClass().getSimpleName();
    }

    /** The layer's name: given, or Keras' default for its class ({@code dense}, {@code dense_1}, ...). */
    public String name() {
        if (name == null) {
            name = defaultName();
        }
        return name;
    }

    /** Keras' default name, drawn when the name is first needed. */
    protected String defaultName() {
        return UniqueNames.next(UniqueNames.snakeCase(className()));
    }

    protected void setName(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException(className() + ": a layer name must not be empty");
        }
        if (!weights.isEmpty()) {
            throw new IllegalStateException("layer " + name() + " is already built; name it before it is used");
        }
        name = newName;
    }

    public boolean trainable() {
        return trainable;
    }

    protected void setTrainable(boolean value) {
        trainable = value;
    }

    public DType dtype() {
        return dtype;
    }

    protected void setDtype(DType value) {
        dtype = value;
    }

    /** The input shape given with {@code inputShape(...)}, without the batch axis; null when not given. */
    public int[] declaredInputShape() {
        return declaredInputShape == null ? null : declaredInputShape.clone();
    }

    protected void setDeclaredInputShape(int[] shape, Integer batchSize) {
        for (int d : shape) {
            if (d <= 0 && d != Shape.UNKNOWN) {
                throw new IllegalArgumentException(className() + ": input shape " + Arrays.toString(shape)
                        + " has a non-positive dimension");
            }
        }
        declaredInputShape = shape.clone();
        declaredBatchSize = batchSize;
    }

    /** The full input shape implied by {@code inputShape}/{@code batchSize}, or null. */
    public Shape declaredBatchInputShape() {
        if (declaredInputShape == null) {
            return null;
        }
        int[] dims = new int[declaredInputShape.length + 1];
        dims[0] = declaredBatchSize == null ? Shape.UNKNOWN : declaredBatchSize;
        System.arraycopy(declaredInputShape, 0, dims, 1, declaredInputShape.length);
        return Shape.of(dims);
    }

    // ---- the contract subclasses fill in ----

    /** Creates the weights for inputs of this shape; called once, before the first call. */
    protected void build(Shape inputShape) {}

    /** The forward computation, with ops only. */
    protected abstract Tensor call(Tensor inputs, boolean training);

    /** The output shape for an input shape (both with the batch axis). */
    public Shape computeOutputShape(Shape inputShape) {
        return inputShape;
    }

    /**
     * Rejects inputs this layer cannot take, naming the layer and the shapes; called before
     * {@link #build} and before each call. The default accepts anything.
     */
    protected void checkInputShape(Shape inputShape) {}

    // ---- several inputs or outputs, and masks (each defaults to the one-tensor contract above) ----

    /**
     * The forward computation with a mask: layers that consume masks (recurrent layers, the
     * merge layers) override this; the default ignores the mask.
     */
    protected Tensor call(Tensor inputs, boolean training, Tensor mask) {
        return call(inputs, training);
    }

    /**
     * The forward computation over several inputs with one mask each (null entries, or a null
     * list, where there is none). Layers with several inputs or outputs (merge layers, models,
     * recurrent layers returning states) override this; the default takes exactly one input.
     */
    protected List<Tensor> callMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        requireOneInput(inputs.size());
        return List.of(call(inputs.getFirst(), training, masks == null ? null : masks.getFirst()));
    }

    /** Creates the weights for several inputs; the default takes exactly one. */
    protected void buildMany(List<Shape> inputShapes) {
        requireOneInput(inputShapes.size());
        build(inputShapes.getFirst());
    }

    /** The output shapes for several input shapes; the default takes one input and gives one output. */
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        requireOneInput(inputShapes.size());
        return List.of(computeOutputShape(inputShapes.getFirst()));
    }

    /** Rejects inputs this layer cannot take; the default takes exactly one, checked by {@link #checkInputShape}. */
    protected void checkInputShapes(List<Shape> inputShapes) {
        requireOneInput(inputShapes.size());
        checkInputShape(inputShapes.getFirst());
    }

    /** The dtype of the tensors this layer outputs for inputs of these dtypes: its own dtype unless it says otherwise. */
    public List<DType> computeOutputDtypes(List<DType> inputDtypes, int outputCount) {
        return java.util.Collections.nCopies(outputCount, dtype);
    }

    /** Whether this layer passes a mask on unchanged (Keras' {@code supports_masking}); layers that do override this. */
    public boolean supportsMasking() {
        return false;
    }

    /**
     * The mask of the output for this input and input mask (Keras' {@code compute_mask}): the
     * input's mask when the layer supports masking, else none. Layers that create masks
     * (embedding with mask_zero, masking) or change them override this.
     */
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return supportsMasking() ? mask : null;
    }

    /** The masks of each output; the default is {@link #computeMask} for one input and one output. */
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        requireOneInput(inputs.size());
        return java.util.Collections.singletonList(computeMask(inputs.getFirst(), masks == null ? null : masks.getFirst()));
    }

    private void requireOneInput(int count) {
        if (count != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (" + className() + ") expects 1 input, but it received "
                    + count + " input tensors");
        }
    }

    /**
     * The arguments that recreate this layer, in Keras' names. Values are JSON data (numbers,
     * strings, lists, maps) or the objects the layer holds (initializers, regularizers,
     * constraints, activations), which saving writes in the file's schema.
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name());
        config.put("trainable", trainable);
        config.put("dtype", dtype.tfName());
        if (declaredInputShape != null) {
            List<Object> shape = new ArrayList<>();
            shape.add(declaredBatchSize);
            for (int d : declaredInputShape) {
                shape.add(d == Shape.UNKNOWN ? null : d);
            }
            config.put("batch_input_shape", shape);
        }
        return config;
    }

    // ---- using a layer ----

    /** Builds the layer for this input shape unless it is built already. */
    public final void ensureBuilt(Shape inputShape) {
        if (builtInputShape == null) {
            checkInputShape(inputShape);
            build(inputShape);
            builtInputShape = inputShape;
        }
    }

    /** Builds the layer for these input shapes unless it is built already. */
    public final void ensureBuilt(List<Shape> inputShapes) {
        if (inputShapes.size() == 1) {
            ensureBuilt(inputShapes.getFirst());
        } else if (!isBuilt()) {
            checkInputShapes(inputShapes);
            buildMany(inputShapes);
            builtInputShapes = List.copyOf(inputShapes);
        }
    }

    public boolean isBuilt() {
        return builtInputShape != null || builtInputShapes != null;
    }

    /** The shape the layer was built for (the first, for a layer of several inputs); null before it is built. */
    public Shape builtInputShape() {
        return builtInputShape != null || builtInputShapes == null ? builtInputShape : builtInputShapes.getFirst();
    }

    /** Calls the layer on concrete or symbolic tensors, building it on first use. */
    public Tensor apply(Tensor inputs, boolean training) {
        return apply(inputs, training, null);
    }

    /**
     * Calls the layer on several tensors with their masks (null when there are none), building
     * it on first use; a Functional model runs each node of its graph through this.
     */
    public List<Tensor> applyMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        List<Shape> shapes = inputs.stream().map(Tensor::shape).toList();
        ensureBuilt(shapes);
        checkInputShapes(shapes);
        return callMany(inputs, training, masks);
    }

    // ---- symbolic calls: the functional API ----

    /** Calls the layer on a symbolic tensor: builds it, records a {@link Node} and returns its one output. */
    public KerasTensor apply(KerasTensor input) {
        return single(connect(List.of(input)));
    }

    /** Calls the layer on several symbolic tensors (a merge layer) and returns its one output. */
    public KerasTensor apply(List<KerasTensor> inputs) {
        return single(connect(inputs));
    }

    private KerasTensor single(List<KerasTensor> outputs) {
        if (outputs.size() != 1) {
            throw new IllegalStateException("Layer \"" + name() + "\" has " + outputs.size()
                    + " outputs; use connect(inputs) to get all of them");
        }
        return outputs.getFirst();
    }

    /**
     * Calls the layer on symbolic tensors, as Keras' {@code __call__} on KerasTensors: builds
     * the layer for their shapes, infers the output shapes, and adds a node linking the input
     * tensors to new output tensors. Calling one layer again adds another node and shares its weights.
     */
    public List<KerasTensor> connect(List<KerasTensor> inputs) {
        return Node.connect(this, inputs);
    }

    /** The nodes made by calling this layer on symbolic tensors, in call order. */
    public List<Node> inboundNodes() {
        return java.util.Collections.unmodifiableList(inboundNodes);
    }

    void addInboundNode(Node node) {
        inboundNodes.add(node);
    }

    /** The output of node {@code nodeIndex} (0-based, as Keras' {@code get_output_at}). */
    public KerasTensor getOutputAt(int nodeIndex) {
        return NodeAttributes.single(this, NodeAttributes.node(this, nodeIndex).outputs(), "output");
    }

    /** The input of node {@code nodeIndex} (0-based, as Keras' {@code get_input_at}). */
    public KerasTensor getInputAt(int nodeIndex) {
        return NodeAttributes.single(this, NodeAttributes.node(this, nodeIndex).inputs(), "input");
    }

    public Shape getInputShapeAt(int nodeIndex) {
        return getInputAt(nodeIndex).shape();
    }

    public Shape getOutputShapeAt(int nodeIndex) {
        return getOutputAt(nodeIndex).shape();
    }

    /** The output tensor while the layer has one node (Keras' {@code layer$output}). */
    public KerasTensor output() {
        return NodeAttributes.single(this, NodeAttributes.onlyNode(this, "output").outputs(), "output");
    }

    /** The input tensor while the layer has one node (Keras' {@code layer$input}). */
    public KerasTensor input() {
        return NodeAttributes.single(this, NodeAttributes.onlyNode(this, "input").inputs(), "input");
    }

    /** The input shape, while all nodes agree on it (Keras' {@code layer$input_shape}). */
    public Shape inputShape() {
        return NodeAttributes.agreedShape(this, true);
    }

    /** The output shape, while all nodes agree on it (Keras' {@code layer$output_shape}). */
    public Shape outputShape() {
        return NodeAttributes.agreedShape(this, false);
    }

    /** Calls the layer with the mask of its input (null for none), building it on first use. */
    public Tensor apply(Tensor inputs, boolean training, Tensor mask) {
        ensureBuilt(inputs.shape());
        checkInputShape(inputs.shape());
        return call(inputs, training, mask);
    }

    /** Calls the layer in inference mode. */
    public Tensor apply(Tensor inputs) {
        return apply(inputs, false);
    }

    // ---- weights ----

    /** Adds a weight; call from {@link #build}. Its variable is named {@code layer/weight}. */
    protected Variable addWeight(String weightName, Shape shape, Initializer initializer, Regularizer regularizer,
                                 Constraint constraint, boolean trainableWeight) {
        if (dev.horn.ops.ExecutionContext.current() != dev.horn.ops.ExecutionContext.EAGER) {
            throw new IllegalStateException("layer " + name() + " is being built while a graph is traced; "
                    + "build the model (give the first layer an inputShape) before tracing");
        }
        Tensor initial = initializer.apply(shape, dtype);
        Variable v = new Variable(initial, name() + "/" + weightName, trainableWeight);
        weights.add(new LayerWeight(v, regularizer, constraint));
        return v;
    }

    /** Every weight this layer owns, in creation order (Keras' {@code weights}). */
    public List<LayerWeight> layerWeights() {
        return List.copyOf(weights);
    }

    /** Variables that training updates: none when the layer is frozen. */
    public List<Variable> trainableVariables() {
        List<Variable> out = new ArrayList<>();
        if (trainable) {
            for (LayerWeight w : weights) {
                if (w.variable().trainable()) {
                    out.add(w.variable());
                }
            }
        }
        return out;
    }

    /** Variables training leaves alone: non-trainable weights, and every weight of a frozen layer. */
    public List<Variable> nonTrainableVariables() {
        List<Variable> out = new ArrayList<>();
        for (LayerWeight w : weights) {
            if (!trainable || !w.variable().trainable()) {
                out.add(w.variable());
            }
        }
        return out;
    }

    /** All variables, trainable first, as Keras orders {@code weights}. */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>(trainableVariables());
        out.addAll(nonTrainableVariables());
        return out;
    }

    /** The number of scalars in this layer's weights. */
    public long countParams() {
        long n = 0;
        for (LayerWeight w : weights) {
            n += w.variable().shape().size();
        }
        return n;
    }

    /** The regularization penalties of this layer's weights, as ops on their current values. */
    public List<Tensor> regularizationLosses() {
        List<Tensor> out = new ArrayList<>();
        for (LayerWeight w : weights) {
            if (w.regularizer() != null && (trainable && w.variable().trainable())) {
                out.add(w.regularizer().apply(w.variable().read()));
            }
        }
        return out;
    }

    /** Applies each weight's constraint (after an optimizer step). */
    public void applyConstraints() {
        for (LayerWeight w : weights) {
            if (w.constraint() != null && trainable) {
                w.variable().assign(w.constraint().apply(w.variable().read()));
            }
        }
    }

    /** The weights' current values, in {@link #variables()} order (Keras' {@code get_weights}). */
    public List<Tensor> getWeights() {
        return variables().stream().map(Variable::storedValue).toList();
    }

    /** Sets the weights from values in {@link #getWeights()} order, checking every shape first. */
    public void setWeights(List<Tensor> values) {
        List<Variable> vars = variables();
        if (values.size() != vars.size()) {
            throw new IllegalArgumentException("layer " + name() + " has " + vars.size() + " weights; got "
                    + values.size() + " values");
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!values.get(i).shape().equals(vars.get(i).shape())) {
                throw new IllegalArgumentException("layer " + name() + ": weight " + vars.get(i).name() + " has shape "
                        + vars.get(i).shape() + "; got a value of shape " + values.get(i).shape());
            }
        }
        for (int i = 0; i < vars.size(); i++) {
            vars.get(i).assign(tf.cast(values.get(i), vars.get(i).dtype()));
        }
    }

    @Override
    public String toString() {
        return "<" + className() + " name=" + name() + ", built=" + isBuilt() + ">";
    }
}
