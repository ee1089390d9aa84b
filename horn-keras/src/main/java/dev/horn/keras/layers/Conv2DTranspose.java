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
 * Keras' {@code Conv2DTranspose}: the gradient of a convolution taken as a layer, so each
 * input pixel spreads over a kernel-sized patch of a larger output (up-sampling by
 * {@code strides}). The kernel is {@code kernel_size + (filters, input channels)}; the output
 * size follows Keras' {@code deconv_output_length}, {@code output_padding} adding rows/cols.
 */
public final class Conv2DTranspose extends BaseConv<Conv2DTranspose> {
    private final int filters;
    private int[] outputPadding;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Regularizer kernelRegularizer;
    private Constraint kernelConstraint;
    private Variable kernel;

    public Conv2DTranspose(int filters, int... kernelSize) {
        super(2, kernelSize);
        if (filters <= 0) {
            throw new IllegalArgumentException("Conv2DTranspose: Invalid value for argument `filters`. Expected a "
                    + "strictly positive value. Received filters=" + filters + ".");
        }
        this.filters = filters;
    }

    /** Extra rows/cols at the end of the output, each below its stride. */
    public Conv2DTranspose outputPadding(int... value) {
        int[] p = Tuples.of("Conv2DTranspose", "output_padding", 2, 0, value);
        for (int i = 0; i < 2; i++) {
            if (p[i] >= strides[i]) {
                throw new IllegalArgumentException("Conv2DTranspose: Strides " + Tuples.list(strides) + " must be "
                        + "greater than output padding " + Tuples.list(p) + ".");
            }
        }
        outputPadding = p;
        return this;
    }

    public Conv2DTranspose kernelInitializer(String name) { return kernelInitializer(Initializers.get(name)); }
    public Conv2DTranspose kernelInitializer(Initializer value) { kernelInitializer = value; return this; }
    public Conv2DTranspose kernelRegularizer(Regularizer value) { kernelRegularizer = value; return this; }
    public Conv2DTranspose kernelConstraint(Constraint value) { kernelConstraint = value; return this; }

    public Variable kernel() {
        return kernel;
    }

    @Override
    int outputChannels(int inputChannels) {
        return filters;
    }

    @Override
    int builtInputChannels() {
        return kernel.shape().dim(3);
    }

    @Override
    protected void build(Shape inputShape) {
        Shape k = Shape.of(kernelSize[0], kernelSize[1], filters, inputChannels(inputShape));
        kernel = addWeight("kernel", k, kernelInitializer, kernelRegularizer, kernelConstraint, true);
        addBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, kernel.dtype());
        int[] spatial = window().transposedOutputDims(dataFormat.spatialDims(x.shape()), outputPadding);
        int[] outputShape = dataFormat.shape(x.shape().dim(0), spatial, filters).dims();
        Tensor y = tf.convTranspose(x, kernel.read(), outputShape, strides, opPadding(), dataFormat.kerasName(),
                dilationRate);
        return finish(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] spatial = window().transposedOutputDims(dataFormat.spatialDims(inputShape), outputPadding);
        return dataFormat.shape(inputShape.dim(0), spatial, filters);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("filters", filters);
        config.put("output_padding", outputPadding == null ? null : Tuples.list(outputPadding));
        config.put("kernel_initializer", kernelInitializer.name());
        config.put("kernel_regularizer", kernelRegularizer == null ? null : kernelRegularizer.name());
        config.put("kernel_constraint", kernelConstraint == null ? null : kernelConstraint.name());
        return config;
    }
}
