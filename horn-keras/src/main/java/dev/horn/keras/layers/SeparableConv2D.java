package dev.horn.keras.layers;

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
 * Keras' {@code SeparableConv2D}: a depthwise convolution (each channel with its own
 * {@code depth_multiplier} filters, with the layer's strides and padding) followed by a 1×1
 * pointwise convolution mixing the channels into {@code filters} outputs — far fewer weights
 * than a full convolution of the same size.
 */
public final class SeparableConv2D extends BaseConv<SeparableConv2D> {
    private final int filters;
    private int depthMultiplier = 1;
    private Initializer depthwiseInitializer = Initializers.get("glorot_uniform");
    private Initializer pointwiseInitializer = Initializers.get("glorot_uniform");
    private Regularizer depthwiseRegularizer;
    private Regularizer pointwiseRegularizer;
    private Constraint depthwiseConstraint;
    private Constraint pointwiseConstraint;
    private Variable depthwiseKernel;
    private Variable pointwiseKernel;

    public SeparableConv2D(int filters, int... kernelSize) {
        super(2, kernelSize);
        if (filters <= 0) {
            throw new IllegalArgumentException("SeparableConv2D: Invalid value for argument `filters`. Expected a "
                    + "strictly positive value. Received filters=" + filters + ".");
        }
        this.filters = filters;
    }

    public SeparableConv2D depthMultiplier(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("SeparableConv2D: depth_multiplier must be positive, got " + value);
        }
        depthMultiplier = value;
        return this;
    }

    public SeparableConv2D depthwiseInitializer(String name) { return depthwiseInitializer(Initializers.get(name)); }
    public SeparableConv2D depthwiseInitializer(Initializer value) { depthwiseInitializer = value; return this; }
    public SeparableConv2D pointwiseInitializer(String name) { return pointwiseInitializer(Initializers.get(name)); }
    public SeparableConv2D pointwiseInitializer(Initializer value) { pointwiseInitializer = value; return this; }
    public SeparableConv2D depthwiseRegularizer(Regularizer value) { depthwiseRegularizer = value; return this; }
    public SeparableConv2D pointwiseRegularizer(Regularizer value) { pointwiseRegularizer = value; return this; }
    public SeparableConv2D depthwiseConstraint(Constraint value) { depthwiseConstraint = value; return this; }
    public SeparableConv2D pointwiseConstraint(Constraint value) { pointwiseConstraint = value; return this; }

    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    public Variable pointwiseKernel() {
        return pointwiseKernel;
    }

    @Override
    int outputChannels(int inputChannels) {
        return filters;
    }

    @Override
    int builtInputChannels() {
        return depthwiseKernel.shape().dim(2);
    }

    @Override
    protected void build(Shape inputShape) {
        int channels = inputChannels(inputShape);
        depthwiseKernel = addWeight("depthwise_kernel", Shape.of(kernelSize[0], kernelSize[1], channels, depthMultiplier),
                depthwiseInitializer, depthwiseRegularizer, depthwiseConstraint, true);
        pointwiseKernel = addWeight("pointwise_kernel", Shape.of(1, 1, channels * depthMultiplier, filters),
                pointwiseInitializer, pointwiseRegularizer, pointwiseConstraint, true);
        addBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, depthwiseKernel.dtype());
        String format = dataFormat.kerasName();
        Tensor depthwise = tf.depthwiseConv2d(x, depthwiseKernel.read(), strides, opPadding(), format, dilationRate);
        return finish(tf.convolution(depthwise, pointwiseKernel.read(), new int[] {1}, "VALID", format, new int[] {1}));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("filters", filters);
        config.put("depth_multiplier", depthMultiplier);
        config.put("depthwise_initializer", depthwiseInitializer);
        config.put("pointwise_initializer", pointwiseInitializer);
        config.put("depthwise_regularizer", depthwiseRegularizer);
        config.put("pointwise_regularizer", pointwiseRegularizer);
        config.put("depthwise_constraint", depthwiseConstraint);
        config.put("pointwise_constraint", pointwiseConstraint);
        return config;
    }
}
