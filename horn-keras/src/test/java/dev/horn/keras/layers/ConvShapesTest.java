package dev.horn.keras.layers;

import dev.horn.Horn;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Sequential;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Output shapes, parameter counts as Keras prints them, configs and bad-input errors of the convolution layers. */
class ConvShapesTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private static long params(Layer layer, int... inputShape) {
        var model = sequential(layer);
        model.buildFor(Shape.of(inputShape));
        return layer.countParams();
    }

    @Test
    void parameterCountsMatchKeras() {
        assertThat(params(layerConv2d(32, 3), -1, 28, 28, 1)).isEqualTo(320);
        assertThat(params(layerConv2d(64, 3), -1, 26, 26, 32)).isEqualTo(18_496);
        assertThat(params(layerConv2d(64, 3).groups(4).useBias(false), -1, 8, 8, 32)).isEqualTo(3 * 3 * 8 * 64);
        assertThat(params(layerConv1d(16, 5), -1, 100, 8)).isEqualTo(656);
        assertThat(params(layerConv3d(8, 3), -1, 10, 10, 10, 1)).isEqualTo(224);
        assertThat(params(layerSeparableConv2d(64, 3), -1, 16, 16, 32)).isEqualTo(2_400);
        assertThat(params(layerDepthwiseConv2d(3), -1, 16, 16, 32)).isEqualTo(320);
        assertThat(params(layerConv2dTranspose(16, 3), -1, 8, 8, 32)).isEqualTo(4_624);
    }

    @Test
    void outputShapesFollowPaddingStridesAndDilation() {
        assertThat(layerConv2d(8, 3).computeOutputShape(Shape.of(-1, 28, 28, 1))).isEqualTo(Shape.of(-1, 26, 26, 8));
        assertThat(layerConv2d(8, 3).padding("same").strides(2).computeOutputShape(Shape.of(-1, 28, 27, 1)))
                .isEqualTo(Shape.of(-1, 14, 14, 8));
        assertThat(layerConv2d(8, 3).dilationRate(2).computeOutputShape(Shape.of(-1, 28, 28, 1)))
                .isEqualTo(Shape.of(-1, 24, 24, 8));
        assertThat(layerConv2d(8, 5, 3).dataFormat("channels_first").computeOutputShape(Shape.of(-1, 3, 32, 32)))
                .isEqualTo(Shape.of(-1, 8, 28, 30));
        assertThat(layerConv1d(4, 3).strides(2).computeOutputShape(Shape.of(-1, 10, 2))).isEqualTo(Shape.of(-1, 4, 4));
        assertThat(layerConv3d(4, 3).padding("same").computeOutputShape(Shape.of(-1, 5, 6, 7, 2)))
                .isEqualTo(Shape.of(-1, 5, 6, 7, 4));
        assertThat(layerDepthwiseConv2d(3).depthMultiplier(3).computeOutputShape(Shape.of(-1, 9, 9, 2)))
                .isEqualTo(Shape.of(-1, 7, 7, 6));
        assertThat(layerConv2dTranspose(4, 3).strides(2).padding("same").computeOutputShape(Shape.of(-1, 7, 7, 8)))
                .isEqualTo(Shape.of(-1, 14, 14, 4));
    }

    static Sequential mnistCnn() {
        return sequential(
                layerConv2d(32, 3).activation("relu").inputShape(28, 28, 1),
                layerConv2d(64, 3).activation("relu"),
                layerMaxPooling2d(2),
                layerDropout(0.25),
                layerFlatten(),
                layerDense(128).activation("relu"),
                layerDropout(0.5),
                layerDense(10).activation("softmax"));
    }

    @Test
    void mnistCnnSummaryMatchesKeras() {
        String summary = mnistCnn().summaryString(65);
        assertThat(summary).contains(
                "conv2d (Conv2D)              (None, 26, 26, 32)        320       \n",
                "conv2d_1 (Conv2D)            (None, 24, 24, 64)        18496     \n",
                "max_pooling2d (MaxPooling2D) (None, 12, 12, 64)        0         \n",
                "flatten (Flatten)            (None, 9216)              0         \n",
                "dense (Dense)                (None, 128)               1179776   \n",
                "Total params: 1,199,882\n", "Trainable params: 1,199,882\n", "Non-trainable params: 0\n");
    }

    @Test
    void aConvNetLearnsInTheCompiledTrainStep() {
        Horn.setSeed(3);
        // vertical vs horizontal bars: a task only a convolution with the right kernel separates quickly
        int n = 64;
        float[] x = new float[n * 6 * 6];
        float[] y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            boolean vertical = i % 2 == 0;
            int at = (i / 2) % 6;
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) {
                    x[i * 36 + r * 6 + c] = (vertical ? c == at : r == at) ? 1 : 0;
                }
            }
            y[i * 2 + (vertical ? 0 : 1)] = 1;
        }
        var model = sequential(layerConv2d(4, 3).activation("relu").padding("same").inputShape(6, 6, 1),
                layerBatchNormalization(), layerMaxPooling2d(2), layerGlobalAveragePooling2d(),
                layerDense(2).activation("softmax"));
        model.compile(optimizerAdam(0.05), "categorical_crossentropy", "accuracy");
        var history = model.fit(Tensor.of(x, n, 6, 6, 1), Tensor.of(y, n, 2), epochs(30), batchSize(16), verbose(0));
        assertThat(history.metric("accuracy").getLast()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void configsHaveKerasKeys() {
        assertThat(layerConv2d(32, 3).getConfig()).containsKeys("name", "trainable", "dtype", "filters", "kernel_size",
                "strides", "padding", "data_format", "dilation_rate", "groups", "activation", "use_bias",
                "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
                "activity_regularizer", "kernel_constraint", "bias_constraint")
                .containsEntry("kernel_size", java.util.List.of(3, 3)).containsEntry("padding", "valid")
                .containsEntry("data_format", "channels_last").containsEntry("name", "conv2d");
        assertThat(layerSeparableConv2d(8, 3).getConfig()).containsKeys("depth_multiplier", "depthwise_initializer",
                "pointwise_initializer", "depthwise_regularizer", "pointwise_regularizer", "depthwise_constraint",
                "pointwise_constraint");
        assertThat(layerDepthwiseConv2d(3).getConfig()).containsKeys("depth_multiplier", "depthwise_initializer")
                .doesNotContainKey("filters");
        assertThat(layerConv2dTranspose(8, 3).getConfig()).containsEntry("output_padding", null);
        assertThat(layerMaxPooling2d().getConfig()).containsEntry("pool_size", java.util.List.of(2, 2))
                .containsEntry("strides", java.util.List.of(2, 2)).containsEntry("padding", "valid");
    }

    @Test
    void defaultNamesAreKerasSnakeCase() {
        assertThat(java.util.List.of(new Conv2DTranspose(1, 1).name(), new SeparableConv2D(1, 1).name(),
                new DepthwiseConv2D(1).name(), new AveragePooling1D().name(), new Conv3D(1, 1).name()))
                .containsExactly("conv2d_transpose", "separable_conv2d", "depthwise_conv2d", "average_pooling1d", "conv3d");
    }

    @Test
    void aBatchWithoutItsChannelAxisIsRejectedInKerasWords() {
        assertThatThrownBy(() -> sequential(layerConv2d(32, 3).inputShape(28, 28)))
                .hasMessage("Input 0 of layer \"conv2d\" is incompatible with the layer: expected ndim=4, found ndim=3. "
                        + "Full shape received: (None, 28, 28)");
        var conv = layerConv2d(4, 3);
        assertThatThrownBy(() -> conv.apply(Tensor.of(new float[2 * 28 * 28], 2, 28, 28)))
                .hasMessageContaining("expected ndim=4, found ndim=3. Full shape received: (2, 28, 28)");
    }

    @Test
    void aKernelLargerThanTheInputNamesLayerAndShapes() {
        assertThatThrownBy(() -> sequential(layerConv2d(8, 5).inputShape(4, 4, 1)))
                .hasMessage("Layer \"conv2d\": computed output size would be negative: the window (5 on spatial axis 0) "
                        + "is larger than the input (4) with padding=\"valid\". Received inputs shape=(None, 4, 4, 1), "
                        + "kernel_size=[5, 5], dilation_rate=[1, 1].");
        assertThatThrownBy(() -> sequential(layerMaxPooling2d(3).inputShape(2, 2, 1)))
                .hasMessageContaining("Layer \"max_pooling2d\"").hasMessageContaining("(None, 2, 2, 1)");
        assertThat(layerConv2d(8, 5).padding("same").computeOutputShape(Shape.of(-1, 4, 4, 1))).isEqualTo(Shape.of(-1, 4, 4, 8));
    }

    @Test
    void channelsThatDifferFromTheBuiltKernelAreRejected() {
        var conv = layerConv2d(4, 3);
        conv.ensureBuilt(Shape.of(-1, 8, 8, 1));
        assertThatThrownBy(() -> conv.apply(Tensor.of(new float[8 * 8 * 3], 1, 8, 8, 3)))
                .hasMessage("Input 0 of layer \"conv2d\" is incompatible with the layer: expected axis -1 of input shape "
                        + "to have value 1, but received input with shape (1, 8, 8, 3)");
        assertThatThrownBy(() -> layerConv2d(4, 3).groups(3)).hasMessageContaining("groups=3, filters=4");
        assertThatThrownBy(() -> layerConv2d(6, 3).groups(3).computeOutputShape(Shape.of(-1, 8, 8, 4)))
                .hasMessageContaining("groups=3").hasMessageContaining("4 channels");
        assertThatThrownBy(() -> layerConv2d(4, 3).padding("full")).hasMessageContaining("padding=full");
        assertThatThrownBy(() -> layerConv2d(4, 3).strides(2).dilationRate(2)).hasMessageContaining("dilation_rate > 1");
    }
}
