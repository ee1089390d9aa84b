package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

/**
 * Keras' {@code InputLayer}: declares the shape (and dtype) of a model's input; it computes
 * nothing. {@code layerInput(784)} in a Sequential model is the same as
 * {@code inputShape(784)} on its first layer.
 */
public final class InputLayer extends FluentLayer<InputLayer> {
    public InputLayer(int... shape) {
        inputShape(shape);
    }

    /** Keras 2 numbers inputs from one: {@code input_1}, {@code input_2}, ... */
    @Override
    protected String defaultName() {
        return UniqueNames.nextOneBased("input");
    }

    /** The model input this layer stands for, made on first use: a symbolic tensor of the declared shape. */
    @Override
    public KerasTensor output() {
        if (inboundNodes().isEmpty()) {
            ensureBuilt(declaredBatchInputShape());
            Node.input(this, declaredBatchInputShape());
        }
        return super.output();
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        Shape expected = declaredBatchInputShape();
        if (inputShape.rank() != expected.rank()) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible: expected shape "
                    + Shapes.tuple(expected) + ", found shape " + Shapes.tuple(inputShape));
        }
        for (int i = 0; i < expected.rank(); i++) {
            if (expected.dim(i) != Shape.UNKNOWN && inputShape.dim(i) != Shape.UNKNOWN && expected.dim(i) != inputShape.dim(i)) {
                throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible: expected shape "
                        + Shapes.tuple(expected) + ", found shape " + Shapes.tuple(inputShape));
            }
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return inputs;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("sparse", false);
        config.put("ragged", false);
        return config;
    }
}
