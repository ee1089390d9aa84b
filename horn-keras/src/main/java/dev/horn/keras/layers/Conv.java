package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.activations.Activations;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' convolution layers ({@code Conv1D}, {@code Conv2D}, {@code Conv3D}): a kernel of shape
 * {@code kernel_size + (input channels / groups, filters)} slid over the spatial axes, plus a
 * bias of {@code filters}, then the activation. With {@code groups} the channels split into
 * that many independent convolutions.
 */
public abstract sealed class Conv<L extends Conv<L>> extends BaseConv<L> permits Conv1D, Conv2D, Conv3D, Conv2DTranspose {
    private final int filters;
    private int groups = 1;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Regularizer kernelRegularizer;
    private Constraint kernelConstraint;
    private Variable kernel;

    Conv(int rank, int filters, int... kernelSize) {
        super(rank, kernelSize);
        if (filters <= 0) {
            throw new IllegalArgumentException(className() + ": Invalid value for argument `filters`. Expected a "
                    + "strictly positive value. Received filters=" + filters + ".");
        }
        this.filters = filters;
    }

    public int filters() {
        return filters;
    }

    public L groups(int value) {
        if (value <= 0 || filters % value != 0) {
            throw new IllegalArgumentException(className() + ": The number of filters must be evenly divisible by the "
                    + "number of groups. Received: groups=" + value + ", filters=" + filters + ".");
        }
        groups = value;
        return self();
    }

    public L kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    public L kernelInitializer(Initializer value) {
        kernelInitializer = value;
        return self();
    }

    public L kernelRegularizer(Regularizer value) {
        kernelRegularizer = value;
        return self();
    }

    public L kernelConstraint(Constraint value) {
        kernelConstraint = value;
        return self();
    }

    /** The kernel variable (after build). */
    public Variable kernel() {
        return kernel;
    }

    @Override
    int outputChannels(int inputChannels) {
        return filters;
    }

    @Override
    int builtInputChannels() {
        return kernel.shape().dim(rank) * groups;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        super.checkInputShape(inputShape);
        int channels = inputChannels(inputShape);
        if (channels % groups != 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": the number of input channels must be evenly "
                    + "divisible by the number of groups. Received groups=" + groups + ", but the input has " + channels
                    + " channels (full input shape is " + Shapes.tuple(inputShape) + ").");
        }
    }

    /** The kernel's shape for this many input channels: kernel_size + (in / groups, filters). */
    Shape kernelShape(int inputChannels) {
        int[] dims = new int[rank + 2];
        System.arraycopy(kernelSize, 0, dims, 0, rank);
        dims[rank] = inputChannels / groups;
        dims[rank + 1] = filters;
        return Shape.of(dims);
    }

    @Override
    protected void build(Shape inputShape) {
        Shape shape = kernelShape(inputChannels(inputShape));
        kernel = addWeight("kernel", shape, kernelInitializer, kernelRegularizer, kernelConstraint, true);
        addBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, kernel.dtype());
        if (padding.equals("causal")) {
            int[][] pads = new int[3][2];
            pads[dataFormat.spatialAxis(3, 0)][0] = window().effective(0) - 1;
            x = tf.pad(x, pads);
        }
        if (bias != null && (activation == Activations.RELU || activation == Activations.LINEAR)) {
            // bias and relu in the convolution's own pass over its output (TensorFlow fuses them too)
            return tf.convolutionWithBias(x, kernel.read(), bias.read(), activation == Activations.RELU, strides, opPadding(),
                    dataFormat.kerasName(), dilationRate);
        }
        Tensor y = tf.convolution(x, kernel.read(), strides, opPadding(), dataFormat.kerasName(), dilationRate);
        return finish(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        if (!padding.equals("causal")) {
            return super.computeOutputShape(inputShape);
        }
        checkInputShape(inputShape);
        int steps = inputShape.dim(dataFormat.spatialAxis(3, 0));
        int out = steps == Shape.UNKNOWN ? steps : (steps + strides[0] - 1) / strides[0];
        return dataFormat.shape(inputShape.dim(0), new int[] {out}, filters);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("filters", filters);
        config.put("groups", groups);
        config.put("kernel_initializer", kernelInitializer);
        config.put("kernel_regularizer", kernelRegularizer);
        config.put("kernel_constraint", kernelConstraint);
        return config;
    }
}
