package dev.horn.keras.models;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Shapes;
import dev.horn.keras.layers.UniqueNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keras' {@code Sequential}: a plain stack of layers, each feeding the next. The input shape
 * comes from an {@code InputLayer}, from {@code inputShape} on the first layer, or from the
 * first data it sees; once it is known the model is built (weights created).
 */
public final class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();
    private Shape inputShape;
    private Shape outputShape;

    public Sequential(Layer... layers) {
        name(); // Keras names a model when it is created
        for (Layer l : layers) {
            add(l);
        }
    }

    public Sequential name(String name) {
        setName(name);
        return this;
    }

    @Override
    protected String defaultName() {
        return UniqueNames.next("sequential");
    }

    /** Appends a layer (in place, as Keras' {@code add}); builds it when the input shape is known. */
    public Sequential add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Sequential.add: the layer is null");
        }
        if (layer == this) {
            throw new IllegalArgumentException("Sequential.add: a model cannot contain itself");
        }
        Set<String> names = new HashSet<>();
        for (Layer l : layers) {
            names.add(l.name());
        }
        if (names.contains(layer.name())) {
            throw new IllegalArgumentException("All layers added to a Sequential model should have unique names. "
                    + "Name \"" + layer.name() + "\" is already the name of a layer in this model. Update the `name` "
                    + "argument to pass a unique name.");
        }
        if (layer instanceof InputLayer input) {
            if (!layers.isEmpty() || inputShape != null) {
                throw new IllegalArgumentException("Sequential.add: an InputLayer can only be the first layer");
            }
            inputShape = input.declaredBatchInputShape();
            return this;
        }
        if (layers.isEmpty() && inputShape == null && layer.declaredBatchInputShape() != null) {
            inputShape = layer.declaredBatchInputShape();
        }
        layers.add(layer);
        if (inputShape != null) {
            buildFor(inputShape);
        }
        return this;
    }

    /** Starts the stack at a model input made by {@code layerInput(...)}, as Keras' {@code Sequential([Input(...), ...])}. */
    public Sequential add(dev.horn.keras.layers.KerasTensor input) {
        if (!(input.layer() instanceof InputLayer)) {
            throw new IllegalArgumentException("Sequential.add: " + input + " is not a model input; add layers instead");
        }
        return add(input.layer());
    }

    /** Removes the last layer, as Keras' {@code pop}. */
    public Sequential pop() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("There are no layers in the model.");
        }
        layers.removeLast();
        outputShape = null;
        if (inputShape != null && !layers.isEmpty()) {
            buildFor(inputShape);
        }
        return this;
    }

    @Override
    public String className() {
        return "Sequential";
    }

    @Override
    public List<Layer> layers() {
        return List.copyOf(layers);
    }

    @Override
    public void buildFor(Shape dataShape) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential model \"" + name() + "\" has no layers; add some first");
        }
        Shape s = Shapes.withUnknownBatch(dataShape);
        if (inputShape != null) {
            checkCompatible(s);
            s = inputShape;
        }
        for (Layer l : layers) {
            l.ensureBuilt(s);
            s = l.computeOutputShape(s);
        }
        if (inputShape == null) {
            inputShape = Shapes.withUnknownBatch(dataShape);
        }
        outputShape = s;
    }

    private void checkCompatible(Shape data) {
        boolean ok = data.rank() == inputShape.rank();
        for (int i = 1; ok && i < data.rank(); i++) {
            ok = inputShape.dim(i) == Shape.UNKNOWN || data.dim(i) == Shape.UNKNOWN || inputShape.dim(i) == data.dim(i);
        }
        if (!ok) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected shape=" + Shapes.tuple(inputShape) + ", found shape=" + Shapes.tuple(data));
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return call(inputs, training, null);
    }

    /** Each layer gets the mask the layer before it computed (an embedding with mask_zero feeding an LSTM). */
    @Override
    protected Tensor call(Tensor inputs, boolean training, Tensor mask) {
        Tensor x = inputs;
        Tensor m = mask;
        for (Layer l : layers) {
            Tensor y = l.apply(x, training, m);
            m = l.computeMask(x, m);
            x = y;
        }
        return x;
    }

    @Override
    public Shape computeOutputShape(Shape shape) {
        Shape s = shape;
        for (Layer l : layers) {
            s = l.computeOutputShape(s);
        }
        return s;
    }

    @Override
    protected void build(Shape shape) {
        buildFor(shape);
    }

    /** The input shape, batch axis included (None), once known. */
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    protected Shape outputShapeOrNull() {
        return outputShape;
    }

    /** The output shape, batch axis included; fails before the model is built. */
    public Shape outputShape() {
        if (outputShape == null) {
            throw notBuilt();
        }
        return outputShape;
    }

    private IllegalStateException notBuilt() {
        return new IllegalStateException("This model has not yet been built. Build the model first by calling "
                + "`build()` or by calling the model on a batch of data (or give the first layer an inputShape).");
    }

    @Override
    protected List<Summary.Row> summaryRows() {
        if (inputShape == null) {
            throw notBuilt();
        }
        List<Summary.Row> rows = new ArrayList<>();
        Shape s = inputShape;
        for (Layer l : layers) {
            s = l.computeOutputShape(s);
            rows.add(new Summary.Row(l, Shapes.tuple(s)));
        }
        return rows;
    }
}
