package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Dense}: {@code activation(inputs · kernel + bias)}, kernel of shape
 * (last input axis, units). Inputs of rank above 2 are multiplied along their last axis.
 */
public final class Dense extends FluentLayer<Dense> {
    private final int units;
    private Activation activation = Activations.get("linear");
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Initializer biasInitializer = Initializers.get("zeros");
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;
    private Constraint kernelConstraint;
    private Constraint biasConstraint;
    private Variable kernel;
    private Variable bias;

    public Dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Dense: units must be a positive integer, got " + units);
        }
        this.units = units;
    }

    public int units() {
        return units;
    }

    public Dense activation(String name) {
        activation = Activations.get(name);
        return this;
    }

    public Dense activation(Activation value) {
        activation = value;
        return this;
    }

    public Dense useBias(boolean value) {
        useBias = value;
        return this;
    }

    public Dense kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    public Dense kernelInitializer(Initializer value) {
        kernelInitializer = value;
        return this;
    }

    public Dense biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    public Dense biasInitializer(Initializer value) {
        biasInitializer = value;
        return this;
    }

    public Dense kernelRegularizer(Regularizer value) {
        kernelRegularizer = value;
        return this;
    }

    public Dense biasRegularizer(Regularizer value) {
        biasRegularizer = value;
        return this;
    }

    public Dense kernelConstraint(Constraint value) {
        kernelConstraint = value;
        return this;
    }

    public Dense biasConstraint(Constraint value) {
        biasConstraint = value;
        return this;
    }

    public Activation activation() {
        return activation;
    }

    /** The kernel variable (after build). */
    public Variable kernel() {
        return kernel;
    }

    /** The bias variable (after build; null without bias). */
    public Variable bias() {
        return bias;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() < 2) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected min_ndim=2, found ndim=" + inputShape.rank() + ". Full shape received: "
                    + Shapes.tuple(inputShape));
        }
        int last = inputShape.dim(inputShape.rank() - 1);
        if (last == Shape.UNKNOWN) {
            throw new IllegalArgumentException("The last dimension of the inputs to a Dense layer should be defined. "
                    + "Found None. Full input shape received: " + Shapes.tuple(inputShape) + " (layer \"" + name() + "\")");
        }
        if (kernel != null && last != kernel.shape().dim(0)) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected axis -1 of input shape to have value " + kernel.shape().dim(0)
                    + ", but received input with shape " + Shapes.tuple(inputShape));
        }
    }

    @Override
    protected void build(Shape inputShape) {
        int inputDim = inputShape.dim(inputShape.rank() - 1);
        kernel = addWeight("kernel", Shape.of(inputDim, units), kernelInitializer, kernelRegularizer, kernelConstraint, true);
        if (useBias) {
            bias = addWeight("bias", Shape.of(units), biasInitializer, biasRegularizer, biasConstraint, true);
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, kernel.dtype());
        int[] dims = x.shape().dims();
        Tensor rows = x;
        if (x.rank() != 2) { // the product runs on [rows, features]; the leading axes come back after
            int n = 1;
            for (int i = 0; i + 1 < dims.length; i++) {
                n = dims[i] == Shape.UNKNOWN || n == Shape.UNKNOWN ? Shape.UNKNOWN : n * dims[i];
            }
            rows = tf.reshape(x, n == Shape.UNKNOWN ? -1 : n, dims[dims.length - 1]);
        }
        // the bias, and relu, added as the product stores its tiles (TensorFlow fuses them too)
        boolean fusedRelu = bias != null && activation == Activations.RELU;
        Tensor y = bias != null ? tf.matmulWithBias(rows, kernel.read(), bias.read(), fusedRelu) : tf.matmul(rows, kernel.read());
        if (x.rank() != 2) {
            dims[dims.length - 1] = units;
            y = tf.reshape(y, dims);
        }
        return fusedRelu ? y : activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        return inputShape.withDim(inputShape.rank() - 1, units);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("units", units);
        // the objects themselves: saving writes each in the file's schema, and a custom one by its registration
        config.put("activation", activation);
        config.put("use_bias", useBias);
        config.put("kernel_initializer", kernelInitializer);
        config.put("bias_initializer", biasInitializer);
        config.put("kernel_regularizer", kernelRegularizer);
        config.put("bias_regularizer", biasRegularizer);
        config.put("kernel_constraint", kernelConstraint);
        config.put("bias_constraint", biasConstraint);
        return config;
    }
}
