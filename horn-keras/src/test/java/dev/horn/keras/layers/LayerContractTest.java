package dev.horn.keras.layers;

import dev.horn.Horn;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every layer of this package keeps, checked on each: the shape rule agrees with
 * the shapes eager calls produce in both modes, the parameter count is the variables' sizes,
 * and the layer trains inside a compiled train step (followed by Flatten and Dense).
 */
class LayerContractTest {
    static Stream<Arguments> layers() {
        return Stream.of(
                layer("conv1d causal", () -> layerConv1d(4, 3).padding("causal"), 10, 3),
                layer("conv2d", () -> layerConv2d(4, 3).strides(2).padding("same"), 9, 9, 2),
                layer("conv2d channels_first", () -> layerConv2d(4, 3).dataFormat("channels_first"), 2, 7, 8),
                layer("conv3d", () -> layerConv3d(2, 2), 4, 5, 6, 1),
                layer("separable_conv2d", () -> layerSeparableConv2d(3, 3).depthMultiplier(2), 7, 7, 2),
                layer("depthwise_conv2d", () -> layerDepthwiseConv2d(3).padding("same"), 6, 6, 3),
                layer("conv2d_transpose", () -> layerConv2dTranspose(3, 3).strides(2), 4, 5, 2),
                layer("max_pooling1d", () -> layerMaxPooling1d(2), 9, 3),
                layer("average_pooling2d same", () -> layerAveragePooling2d(3).strides(2).padding("same"), 7, 8, 2),
                layer("max_pooling3d", () -> layerMaxPooling3d(), 4, 4, 4, 1),
                layer("global_average_pooling2d", () -> layerGlobalAveragePooling2d(), 5, 5, 3),
                layer("global_max_pooling1d keepdims", () -> layerGlobalMaxPooling1d().keepdims(true), 6, 2),
                layer("batch_normalization", () -> layerBatchNormalization(), 5, 5, 3),
                layer("layer_normalization", () -> layerLayerNormalization(), 6, 4),
                layer("zero_padding2d", () -> layerZeroPadding2d(1, 2), 4, 4, 1),
                layer("cropping2d", () -> layerCropping2d(1), 6, 6, 1),
                layer("upsampling2d bilinear", () -> layerUpsampling2d(2).interpolation("bilinear"), 3, 3, 2),
                layer("spatial_dropout2d", () -> layerSpatialDropout2d(0.3), 4, 4, 2),
                layer("gaussian_noise", () -> layerGaussianNoise(0.1), 8),
                layer("rescaling", () -> layerRescaling(0.5), 8),
                layer("random_flip", () -> layerRandomFlip(), 5, 5, 1),
                layer("random_rotation", () -> layerRandomRotation(0.2), 5, 5, 1),
                layer("random_zoom", () -> layerRandomZoom(0.2), 5, 5, 1),
                layer("random_translation", () -> layerRandomTranslation(0.2, 0.2), 5, 5, 1));
    }

    private static Arguments layer(String name, Supplier<Layer> make, int... sampleShape) {
        return Arguments.of(name, make, sampleShape);
    }

    private static Tensor batch(int n, int[] sampleShape) {
        int[] dims = new int[sampleShape.length + 1];
        dims[0] = n;
        System.arraycopy(sampleShape, 0, dims, 1, sampleShape.length);
        return tf.randomUniform(dims, 0, 1, dev.horn.DType.FLOAT32, 11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void shapeRuleMatchesEagerCallsAndParamsCountVariables(String name, Supplier<Layer> make, int[] sampleShape) {
        Keras.clearSession();
        Layer layer = make.get();
        Tensor x = batch(3, sampleShape);
        Shape expected = layer.computeOutputShape(Shapes.withUnknownBatch(x.shape())).withDim(0, 3);
        assertThat(layer.apply(x, false).shape()).as("inference").isEqualTo(expected);
        assertThat(layer.apply(x, true).shape()).as("training").isEqualTo(expected);
        long sizes = layer.variables().stream().mapToLong(v -> v.shape().size()).sum();
        assertThat(layer.countParams()).isEqualTo(sizes);
        assertThat(layer.getConfig()).containsEntry("name", layer.name()).containsKeys("trainable", "dtype");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void trainsInsideTheCompiledTrainStep(String name, Supplier<Layer> make, int[] sampleShape) {
        Keras.clearSession();
        Horn.setSeed(1);
        Layer layer = make.get();
        var model = sequential(new InputLayer(sampleShape), layer, layerFlatten(), layerDense(2).activation("softmax"));
        model.compile(optimizerSgd(0.1), "categorical_crossentropy");
        Tensor x = batch(8, sampleShape);
        Tensor y = toCategorical(Tensor.of(new int[] {0, 1, 0, 1, 1, 0, 1, 0}, 8), 2);
        var own = layer.trainableVariables();
        var before = own.stream().map(v -> v.read().toFloatArray()).toList();
        var history = model.fit(x, y, epochs(2), batchSize(4), verbose(0));
        assertThat(history.metric("loss")).allSatisfy(l -> assertThat(l).isFinite());
        for (int i = 0; i < own.size(); i++) {
            assertThat(own.get(i).read().toFloatArray()).as("%s moved by the optimizer", own.get(i).name())
                    .isNotEqualTo(before.get(i));
        }
    }
}
