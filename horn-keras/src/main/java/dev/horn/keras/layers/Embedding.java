package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Embedding}: integer indices in {@code [0, input_dim)} to rows of an
 * {@code [input_dim, output_dim]} table, so inputs {@code (batch, ...)} become
 * {@code (batch, ..., output_dim)}. With {@code mask_zero} index 0 is padding: the layer emits a
 * mask ({@code index != 0}) that later layers (LSTM, GRU, SimpleRNN) use to skip those steps.
 */
public final class Embedding extends FluentLayer<Embedding> {
    private final int inputDim;
    private final int outputDim;
    private Initializer embeddingsInitializer = Initializers.get("uniform");
    private Regularizer embeddingsRegularizer;
    private Constraint embeddingsConstraint;
    private boolean maskZero;
    private Integer inputLength;
    private Variable embeddings;

    public Embedding(int inputDim, int outputDim) {
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("Embedding: input_dim and output_dim must be positive integers, got input_dim="
                    + inputDim + " and output_dim=" + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    public Embedding embeddingsInitializer(String name) { return embeddingsInitializer(Initializers.get(name)); }
    public Embedding embeddingsInitializer(Initializer value) { embeddingsInitializer = value; return this; }
    public Embedding embeddingsRegularizer(Regularizer value) { embeddingsRegularizer = value; return this; }
    public Embedding embeddingsConstraint(Constraint value) { embeddingsConstraint = value; return this; }

    /** Treats index 0 as padding and emits a mask for the layers after it. */
    public Embedding maskZero(boolean value) {
        maskZero = value;
        return this;
    }

    /** The length of the input sequences; as in Keras, it also gives the model's input shape when none was given. */
    public Embedding inputLength(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("Embedding: input_length must be a positive integer, got " + length);
        }
        inputLength = length;
        if (declaredInputShape() == null) {
            setDeclaredInputShape(new int[] {length}, null);
        }
        return this;
    }

    public int inputDim() { return inputDim; }
    public int outputDim() { return outputDim; }
    public Variable embeddings() { return embeddings; }

    @Override
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() < 1) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected min_ndim=1, found ndim=0");
        }
        if (inputLength != null && inputShape.rank() >= 2 && inputShape.dim(1) != Shape.UNKNOWN
                && inputShape.dim(1) != inputLength) {
            throw new IllegalArgumentException("\"input_length\" is " + inputLength + ", but received input has shape "
                    + Shapes.tuple(inputShape) + " (layer \"" + name() + "\")");
        }
    }

    @Override
    protected void build(Shape inputShape) {
        embeddings = addWeight("embeddings", Shape.of(inputDim, outputDim), embeddingsInitializer, embeddingsRegularizer,
                embeddingsConstraint, true);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor indices = inputs.dtype() == DType.INT32 ? inputs : tf.cast(inputs, DType.INT32);
        return tf.gather(embeddings.read(), indices);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] dims = java.util.Arrays.copyOf(inputShape.dims(), inputShape.rank() + 1);
        dims[inputShape.rank()] = outputDim;
        return Shape.of(dims);
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return maskZero ? tf.notEqual(inputs, tf.zerosLike(inputs)) : null;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("input_dim", inputDim);
        config.put("output_dim", outputDim);
        config.put("embeddings_initializer", embeddingsInitializer);
        config.put("embeddings_regularizer", embeddingsRegularizer);
        config.put("activity_regularizer", null);
        config.put("embeddings_constraint", embeddingsConstraint);
        config.put("mask_zero", maskZero);
        config.put("input_length", inputLength);
        return config;
    }
}
