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
import java.util.Arrays;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * What every convolution layer shares (Keras' {@code BaseConv}): the window arguments
 * ({@code kernel_size}, {@code strides}, {@code padding}, {@code data_format},
 * {@code dilation_rate}), the activation and the bias. Subclasses own their kernels and the op
 * that applies them.
 */
public abstract sealed class BaseConv<L extends BaseConv<L>> extends FluentLayer<L>
        permits Conv, DepthwiseConv2D, SeparableConv2D {
    final int rank;
    int[] kernelSize;
    int[] strides;
    String padding = "valid";
    DataFormat dataFormat = DataFormat.CHANNELS_LAST;
    int[] dilationRate;
    Activation activation = Activations.get("linear");
    boolean useBias = true;
    Initializer biasInitializer = Initializers.get("zeros");
    Regularizer biasRegularizer;
    Constraint biasConstraint;
    Variable bias;

    BaseConv(int rank, int... kernelSize) {
        this.rank = rank;
        this.kernelSize = Tuples.of(className(), "kernel_size", rank, 1, kernelSize);
        this.strides = Tuples.of(className(), "strides", rank, 1, 1);
        this.dilationRate = Tuples.of(className(), "dilation_rate", rank, 1, 1);
    }

    @SuppressWarnings("unchecked")
    final L self() {
        return (L) this;
    }

    public L strides(int... value) {
        strides = Tuples.of(className(), "strides", rank, 1, value);
        SpatialWindow.checkArguments(className(), padding, strides, dilationRate, causalAllowed());
        return self();
    }

    /** {@code "valid"} (no padding, the default), {@code "same"} (output size ceil(in / stride)), or {@code "causal"} (Conv1D). */
    public L padding(String value) {
        SpatialWindow.checkArguments(className(), value, strides, dilationRate, causalAllowed());
        padding = value;
        return self();
    }

    public L dataFormat(String value) {
        dataFormat = DataFormat.of(className(), value);
        return self();
    }

    public L dilationRate(int... value) {
        dilationRate = Tuples.of(className(), "dilation_rate", rank, 1, value);
        SpatialWindow.checkArguments(className(), padding, strides, dilationRate, causalAllowed());
        return self();
    }

    public L activation(String name) {
        activation = Activations.get(name);
        return self();
    }

    public L activation(Activation value) {
        activation = value;
        return self();
    }

    public L useBias(boolean value) {
        useBias = value;
        return self();
    }

    public L biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    public L biasInitializer(Initializer value) {
        biasInitializer = value;
        return self();
    }

    public L biasRegularizer(Regularizer value) {
        biasRegularizer = value;
        return self();
    }

    public L biasConstraint(Constraint value) {
        biasConstraint = value;
        return self();
    }

    public Variable bias() {
        return bias;
    }

    boolean causalAllowed() {
        return false;
    }

    SpatialWindow window() {
        return new SpatialWindow(kernelSize, strides, dilationRate, padding);
    }

    /** The padding the engine's op takes: causal padding is done by the layer, then the window is valid. */
    String opPadding() {
        return padding.equals("same") ? "SAME" : "VALID";
    }

    int channelAxis(int inputRank) {
        return dataFormat.channelAxis(inputRank);
    }

    /** The input's channels, which must be known to build the kernel. */
    int inputChannels(Shape inputShape) {
        InputSpec.requireDefined(this, inputShape, channelAxis(inputShape.rank()), "channel");
        return inputShape.dim(channelAxis(inputShape.rank()));
    }

    /** The number of output channels for this many input channels. */
    abstract int outputChannels(int inputChannels);

    /** The kernel whose input-channel count this layer checks incoming shapes against. */
    abstract int builtInputChannels();

    @Override
    protected void checkInputShape(Shape inputShape) {
        InputSpec.requireNdim(this, inputShape, rank + 2);
        if (isBuilt()) {
            InputSpec.requireAxis(this, inputShape, dataFormat == DataFormat.CHANNELS_LAST ? -1 : 1, builtInputChannels());
        }
    }

    void addBias(int channels) {
        if (useBias) {
            bias = addWeight("bias", Shape.of(channels), biasInitializer, biasRegularizer, biasConstraint, true);
        }
    }

    /** Bias and activation on the op's output. */
    Tensor finish(Tensor y) {
        if (bias != null) {
            Tensor b = bias.read();
            if (dataFormat == DataFormat.CHANNELS_FIRST) {
                int[] dims = new int[rank + 1];
                Arrays.fill(dims, 1);
                dims[0] = b.shape().dim(0);
                b = tf.reshape(b, dims);
            }
            y = tf.add(y, b);
        }
        return activation.apply(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] out = window().outputDims(this, dataFormat.spatialDims(inputShape), "Received inputs shape="
                + Shapes.tuple(inputShape) + ", kernel_size=" + Tuples.list(kernelSize) + ", dilation_rate="
                + Tuples.list(dilationRate) + ".");
        return dataFormat.shape(inputShape.dim(0), out, outputChannels(inputChannels(inputShape)));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("kernel_size", Tuples.list(kernelSize));
        config.put("strides", Tuples.list(strides));
        config.put("padding", padding);
        config.put("data_format", dataFormat.kerasName());
        config.put("dilation_rate", Tuples.list(dilationRate));
        config.put("activation", activation);
        config.put("use_bias", useBias);
        config.put("bias_initializer", biasInitializer);
        config.put("bias_regularizer", biasRegularizer);
        config.put("activity_regularizer", null);
        config.put("bias_constraint", biasConstraint);
        return config;
    }
}
