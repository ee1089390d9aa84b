package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Conv2DTranspose}: the gradient of a convolution taken as a layer, so each
 * input pixel spreads over a kernel-sized patch of a larger output (up-sampling by
 * {@code strides}). The kernel is {@code kernel_size + (filters, input channels)}; the output
 * size follows Keras' {@code deconv_output_length}, {@code output_padding} adding rows/cols.
 */
public final class Conv2DTranspose extends Conv<Conv2DTranspose> {
    private int[] outputPadding;

    public Conv2DTranspose(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
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

    @Override
    Shape kernelShape(int inputChannels) {
        return Shape.of(kernelSize[0], kernelSize[1], filters(), inputChannels);
    }

    @Override
    int builtInputChannels() {
        return kernel().shape().dim(3);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, kernel().dtype());
        int[] spatial = window().transposedOutputDims(dataFormat.spatialDims(x.shape()), outputPadding);
        int[] outputShape = dataFormat.shape(x.shape().dim(0), spatial, filters()).dims();
        Tensor y = tf.convTranspose(x, kernel().read(), outputShape, strides, opPadding(), dataFormat.kerasName(),
                dilationRate);
        return finish(y);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] spatial = window().transposedOutputDims(dataFormat.spatialDims(inputShape), outputPadding);
        return dataFormat.shape(inputShape.dim(0), spatial, filters());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("output_padding", outputPadding == null ? null : Tuples.list(outputPadding));
        return config;
    }
}
