package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Expect;
import dev.horn.keras.Keras;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convolution layers on fixed weights against numpy (a direct loop over windows with TF's
 * SAME padding split; the script's formulas for inputs and weights are the {@link #ramp}s here).
 */
class ConvLayersTest {
    /** One 4x5 image with two channels: (arange(40) % 11 - 5) / 4. */
    static final Tensor X = ramp(11, 5, 4, 1, 4, 5, 2);

    /** (arange(prod(dims)) % mod - offset) / div, in the given shape. */
    static Tensor ramp(int mod, double offset, double div, int... dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((i % mod - offset) / div);
        }
        return Tensor.of(v, dims);
    }

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private static <L extends Layer> L built(L layer, Shape input, Tensor... weights) {
        layer.ensureBuilt(input);
        layer.setWeights(List.of(weights));
        return layer;
    }

    @Test
    void conv2dValidWithBiasAndRelu() {
        var conv = built(layerConv2d(3, 3).activation("relu"), Shape.of(-1, 4, 5, 2), ramp(7, 3, 4, 3, 3, 2, 3),
                Tensor.of(new float[] {0.5f, -1, 0.25f}, 3));
        Tensor y = conv.apply(X);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 3, 3));
        Expect.values(y, 1.875, 2.4375, 2.6875, 1.75, 0.0, 0.0, 1.625, 0.0, 0.0, 0.0, 0.0, 0.625, 0.4375, 0.0, 0.0, 1.6875,
                0.0, 0.0);
    }

    @Test
    void conv2dSameWithStrideTwo() {
        var conv = built(layerConv2d(3, 3).strides(2).padding("same"), Shape.of(-1, 4, 5, 2), ramp(7, 3, 4, 3, 3, 2, 3),
                Tensor.of(new float[] {0.5f, -1, 0.25f}, 3));
        Tensor y = conv.apply(X);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 3, 3));
        assertThat(conv.computeOutputShape(Shape.of(-1, 4, 5, 2))).isEqualTo(Shape.of(-1, 2, 3, 3));
        Expect.values(y, -2.8125, 0.9375, 3.5, 1.75, -0.125, -1.4375, 0.9375, -2.0625, 0.3125, 0.625, -3.9375, 2.125, 1.5625,
                1.125, 1.6875, 1.0, -1.375, -0.125);
    }

    @Test
    void conv2dChannelsFirstGivesTheSameNumbersTransposed() {
        var last = built(layerConv2d(3, 3).strides(2).padding("same"), Shape.of(-1, 4, 5, 2), ramp(7, 3, 4, 3, 3, 2, 3),
                Tensor.of(new float[] {0.5f, -1, 0.25f}, 3));
        var first = built(layerConv2d(3, 3).strides(2).padding("same").dataFormat("channels_first"),
                Shape.of(-1, 2, 4, 5), ramp(7, 3, 4, 3, 3, 2, 3), Tensor.of(new float[] {0.5f, -1, 0.25f}, 3));
        Tensor y = first.apply(dev.horn.Tf.tf.transpose(X, 0, 3, 1, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 3, 2, 3));
        assertThat(dev.horn.Tf.tf.transpose(y, 0, 2, 3, 1).toFloatArray()).containsExactly(last.apply(X).toFloatArray());
    }

    @Test
    void groupedConvolutionSplitsTheChannels() {
        var conv = built(layerConv2d(4, 3).groups(2).padding("same").useBias(false), Shape.of(-1, 4, 5, 2),
                ramp(5, 2, 3, 3, 3, 1, 4));
        assertThat(conv.kernel().shape()).isEqualTo(Shape.of(3, 3, 1, 4));
        Expect.values(conv.apply(X), 1.3333333333333333, 0.75, -5.551115123125783e-17, 0.08333333333333337, 0.9166666666666667,
                -1.9999999999999998, -0.08333333333333329, 0.7499999999999999, -0.9166666666666666, 0.0, 0.25,
                0.41666666666666674, -0.9166666666666667, 0.16666666666666666, 0.5833333333333334,
                0.08333333333333326, -0.08333333333333334, 0.41666666666666663, 0.08333333333333326,
                0.08333333333333331, -0.5, 0.9166666666666664, -1.25, -0.6666666666666666, 1.1666666666666665,
                -0.41666666666666663, -1.0, 0.5833333333333333, -0.4999999999999999, 0.49999999999999994,
                -0.24999999999999994, 0.25, -0.33333333333333337, 0.5000000000000001, -0.4166666666666666,
                -0.08333333333333331, 0.08333333333333338, -0.2500000000000001, -0.24999999999999997,
                0.33333333333333337, 1.25, -0.16666666666666685, -0.16666666666666663, 1.25, 0.16666666666666663,
                0.49999999999999994, 0.9166666666666667, -1.083333333333333, 1.2499999999999998, -1.3333333333333333,
                -0.16666666666666666, 0.41666666666666663, -0.4166666666666665, 0.49999999999999994,
                -0.3333333333333335, 0.08333333333333334, -0.08333333333333331, -0.08333333333333331,
                -0.16666666666666669, 0.3333333333333333, -0.8333333333333333, -1.9166666666666665,
                0.5833333333333333, 0.5833333333333334, -1.5, 0.5833333333333333, 0.9166666666666666,
                -1.1666666666666665, 0.9166666666666665, 1.3333333333333333, -0.9166666666666666,
                -0.08333333333333338, 0.5833333333333334, 0.24999999999999994, -0.9166666666666666,
                0.08333333333333336, 0.3333333333333333, -0.25, -0.25, 0.3333333333333333);
    }

    @Test
    void causalConv1dSeesOnlyThePast() {
        var conv = built(layerConv1d(1, 2).padding("causal").dilationRate(2).useBias(false), Shape.of(-1, 6, 1),
                Tensor.of(new float[] {2, -1}, 2, 1, 1));
        Tensor y = conv.apply(Tensor.of(new float[] {1, 2, -1, 3, 0.5f, 4}, 1, 6, 1));
        assertThat(y.shape()).isEqualTo(Shape.of(1, 6, 1));
        Expect.values(y, -1.0, -2.0, 3.0, 1.0, -2.5, 2.0);
    }

    @Test
    void depthwiseConvolutionKeepsChannelsApart() {
        var conv = built(layerDepthwiseConv2d(3).depthMultiplier(2).useBias(false), Shape.of(-1, 4, 5, 2),
                ramp(5, 2, 2, 3, 3, 2, 2));
        Tensor y = conv.apply(X);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 2, 3, 4));
        Expect.values(y, 1.75, -0.625, -1.5, 0.875, -0.75, 0.75, -0.375, 0.375, -0.5, 0.75, -0.625, -0.125, 0.25, 0.75, 1.375,
                -1.625, 1.875, -2.0, -0.25, 0.625, -0.625, 0.75, -0.5, 0.125);
    }

    @Test
    void separableConvolutionIsDepthwiseThenPointwise() {
        var conv = built(layerSeparableConv2d(3, 3).depthMultiplier(2).useBias(false), Shape.of(-1, 4, 5, 2),
                ramp(5, 2, 2, 3, 3, 2, 2), ramp(3, 1, 2, 1, 1, 4, 3));
        Expect.values(conv.apply(X), -0.25, 0.0, 0.25, 0.0, 0.0, 0.0, 0.25, 0.0, -0.25, -0.375, 0.0, 0.375, -0.125, 0.0, 0.125, 0.125,
                0.0, -0.125);
    }

    @Test
    void transposedConvolutionSpreadsEachPixel() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
        Tensor kernel = ramp(4, 1.5, 2, 3, 3, 2, 1);
        var same = built(layerConv2dTranspose(2, 3).strides(2).padding("same").useBias(false), Shape.of(-1, 2, 2, 1), kernel);
        Tensor y = same.apply(x);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 4, 2));
        Expect.values(y, -0.75, -0.25, 0.25, 0.75, -2.25, -0.75, 0.5, 1.5, 0.25, 0.75, -0.75, -0.25, 0.75, 2.25, -1.5, -0.5,
                -3.0, -1.0, 1.0, 3.0, -7.5, -2.5, 1.5, 4.5, 0.75, 2.25, -2.25, -0.75, 1.75, 5.25, -3.0, -1.0);
        var valid = built(layerConv2dTranspose(2, 3).strides(2).useBias(false), Shape.of(-1, 2, 2, 1), kernel);
        assertThat(valid.computeOutputShape(Shape.of(-1, 2, 2, 1))).isEqualTo(Shape.of(-1, 5, 5, 2));
        Expect.values(valid.apply(x), -0.75, -0.25, 0.25, 0.75, -2.25, -0.75, 0.5, 1.5, -1.5, -0.5, 0.25, 0.75, -0.75, -0.25, 0.75, 2.25,
                -1.5, -0.5, 0.5, 1.5, -3.0, -1.0, 1.0, 3.0, -7.5, -2.5, 1.5, 4.5, -4.5, -1.5, 0.75, 2.25, -2.25,
                -0.75, 1.75, 5.25, -3.0, -1.0, 1.0, 3.0, -2.25, -0.75, 0.75, 2.25, -5.25, -1.75, 1.0, 3.0, -3.0,
                -1.0);
        var padded = layerConv2dTranspose(2, 3).strides(2).padding("same").outputPadding(1);
        assertThat(padded.computeOutputShape(Shape.of(-1, 7, 7, 1))).isEqualTo(Shape.of(-1, 14, 14, 2));
    }

    @Test
    void poolingTakesWindowMaximaAndMeans() {
        float[] v = new float[15];
        for (int i = 0; i < 15; i++) {
            v[i] = i;
        }
        v[7] = -7;
        Tensor x = Tensor.of(v, 1, 3, 5, 1);
        Tensor max = layerMaxPooling2d().apply(x);
        assertThat(max.shape()).isEqualTo(Shape.of(1, 1, 2, 1));
        Expect.values(max, 6.0, 8.0);
        Tensor avg = layerAveragePooling2d().padding("same").apply(x);
        assertThat(avg.shape()).isEqualTo(Shape.of(1, 2, 3, 1));
        Expect.values(avg, 3.0, 1.5, 6.5, 10.5, 12.5, 14.0);
        assertThat(layerMaxPooling1d(3).strides(1).computeOutputShape(Shape.of(-1, 10, 4))).isEqualTo(Shape.of(-1, 8, 4));
        assertThat(layerAveragePooling3d().computeOutputShape(Shape.of(-1, 4, 6, 8, 3))).isEqualTo(Shape.of(-1, 2, 3, 4, 3));
        assertThat(layerMaxPooling2d(2).dataFormat("channels_first").computeOutputShape(Shape.of(-1, 3, 8, 6)))
                .isEqualTo(Shape.of(-1, 3, 4, 3));
        Expect.values(layerMaxPooling1d().apply(Tensor.of(new float[] {1, 5, 2, 0, 3}, 1, 5, 1)), 5, 2);
        Expect.values(layerMaxPooling3d().apply(ramp(100, 0, 1, 1, 2, 2, 2, 1)), 7);
    }
}
