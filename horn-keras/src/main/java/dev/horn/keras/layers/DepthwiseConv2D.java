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
 * Keras' {@code DepthwiseConv2D}: each input channel convolved with its own
 * {@code depth_multiplier} filters (kernel {@code kernel_size + (channels, depth_multiplier)}),
 * giving channels × depth_multiplier outputs, channel c's at c * depth_multiplier + m.
 */
public final class DepthwiseConv2D extends BaseConv<DepthwiseConv2D> {
    private int depthMultiplier = 1;
    private Initializer depthwiseInitializer = Initializers.get("glorot_uniform");
    private Regularizer depthwiseRegularizer;
    private Constraint depthwiseConstraint;
    private Variable depthwiseKernel;

    public DepthwiseConv2D(int... kernelSize) {
        super(2, kernelSize);
    }

    public DepthwiseConv2D depthMultiplier(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("DepthwiseConv2D: depth_multiplier must be positive, got " + value);
        }
        depthMultiplier = value;
        return this;
    }

    public DepthwiseConv2D depthwiseInitializer(String name) { return depthwiseInitializer(Initializers.get(name)); }
    public DepthwiseConv2D depthwiseInitializer(Initializer value) { depthwiseInitializer = value; return this; }
    public DepthwiseConv2D depthwiseRegularizer(Regularizer value) { depthwiseRegularizer = value; return this; }
    public DepthwiseConv2D depthwiseConstraint(Constraint value) { depthwiseConstraint = value; return this; }

    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    @Override
    int outputChannels(int inputChannels) {
        return inputChannels * depthMultiplier;
    }

    @Override
    int builtInputChannels() {
        return depthwiseKernel.shape().dim(2);
    }

    @Override
    protected void build(Shape inputShape) {
        int channels = inputChannels(inputShape);
        Shape k = Shape.of(kernelSize[0], kernelSize[1], channels, depthMultiplier);
        depthwiseKernel = addWeight("depthwise_kernel", k, depthwiseInitializer, depthwiseRegularizer,
                depthwiseConstraint, true);
        addBias(channels * depthMultiplier);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, depthwiseKernel.dtype());
        return finish(tf.depthwiseConv2d(x, depthwiseKernel.read(), strides, opPadding(), dataFormat.kerasName(),
                dilationRate));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("depth_multiplier", depthMultiplier);
        config.put("depthwise_initializer", depthwiseInitializer);
        config.put("depthwise_regularizer", depthwiseRegularizer);
        config.put("depthwise_constraint", depthwiseConstraint);
        return config;
    }
}
