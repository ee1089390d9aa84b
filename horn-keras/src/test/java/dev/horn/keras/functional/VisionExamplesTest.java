package dev.horn.keras.functional;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The guide's convolutional examples: node shapes of a shared conv layer, inception, residual, shared vision model. */
class VisionExamplesTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
        setRandomSeed(3);
    }

    @Test
    void aConvLayerCalledOnTwoImageSizesHasAnInputShapePerNode() {
        var a = layerInput(32, 32, 3);
        var b = layerInput(64, 64, 3);
        var conv = layerConv2d(16, 3, 3).padding("same");
        var convedA = a.then(conv);
        assertThat(conv.inputShape()).isEqualTo(Shape.of(-1, 32, 32, 3));
        var convedB = b.then(conv);
        assertThatThrownBy(conv::inputShape).hasMessageContaining("has multiple inbound nodes, with different input shapes");
        assertThat(conv.getInputShapeAt(0)).isEqualTo(Shape.of(-1, 32, 32, 3));
        assertThat(conv.getInputShapeAt(1)).isEqualTo(Shape.of(-1, 64, 64, 3));
        assertThat(convedA.shape()).isEqualTo(Shape.of(-1, 32, 32, 16));
        assertThat(convedB.shape()).isEqualTo(Shape.of(-1, 64, 64, 16));
        assertThat(conv.countParams()).isEqualTo(3 * 3 * 3 * 16 + 16);
    }

    @Test
    void inceptionModuleConcatenatesThreeTowers() {
        var inputImg = layerInput(256, 256, 3);
        var tower1 = inputImg.then(layerConv2d(64, 1, 1).padding("same").activation("relu"))
                .then(layerConv2d(64, 3, 3).padding("same").activation("relu"));
        var tower2 = inputImg.then(layerConv2d(64, 1, 1).padding("same").activation("relu"))
                .then(layerConv2d(64, 5, 5).padding("same").activation("relu"));
        var tower3 = inputImg.then(layerMaxPooling2d(3, 3).strides(1, 1).padding("same"))
                .then(layerConv2d(64, 1, 1).padding("same").activation("relu"));
        // the guide's axis = 1 (Python's 0-based axis 1, the rows of a channels-last image)
        var output = layerConcatenate(List.of(tower1, tower2, tower3), 1);
        assertThat(output.shape()).isEqualTo(Shape.of(-1, 768, 256, 64));
        var model = kerasModel(inputImg, output);
        assertThat(model.countParams()).isEqualTo(256 + 36928 + 256 + 102464 + 256);
        assertThat(model.summaryString(98)).contains(
                "concatenate (Concatenate)       (None, 768, 256, 64) 0           conv2d_1[0][0]");
        assertThat(model.layers()).hasSize(8);
    }

    @Test
    void inceptionTowersRunOnASmallImage() {
        var input = layerInput(8, 8, 3);
        var tower1 = input.then(layerConv2d(4, 1, 1).padding("same"));
        var tower3 = input.then(layerMaxPooling2d(3, 3).strides(1, 1).padding("same"));
        var model = kerasModel(input, layerConcatenate(tower1, tower3));
        Tensor image = Tensor.of(FunctionalMlpTest.randomRows(1, 8 * 8 * 3, 4), 1, 8, 8, 3);
        Tensor out = model.predict(image);
        assertThat(out.shape()).isEqualTo(Shape.of(1, 8, 8, 7));
        // channels 4..6 are the max pool: at the corner (0, 0) the max over the 2x2 window the image has there
        float[] px = image.toFloatArray();
        float max = Math.max(Math.max(px[0], px[3]), Math.max(px[8 * 3], px[8 * 3 + 3]));
        assertThat(out.toFloatArray()[4]).isEqualTo(max);
    }

    @Test
    void residualConnectionAddsTheInputToTheConvolution() {
        var x = layerInput(256, 256, 3);
        var y = x.then(layerConv2d(3, 3, 3).padding("same"));
        var z = layerAdd(x, y);
        assertThat(z.shape()).isEqualTo(Shape.of(-1, 256, 256, 3));

        var small = layerInput(6, 6, 3);
        var conv = layerConv2d(3, 3, 3).padding("same");
        var convOut = small.then(conv);
        var residual = kerasModel(small, layerAdd(small, convOut));
        var convOnly = kerasModel(small, convOut);
        Tensor image = Tensor.of(FunctionalMlpTest.randomRows(2, 6 * 6 * 3, 8), 2, 6, 6, 3);
        float[] sum = residual.predict(image).toFloatArray();
        float[] c = convOnly.predict(image).toFloatArray();
        float[] in = image.toFloatArray();
        for (int i = 0; i < sum.length; i++) {
            assertThat(sum[i]).isCloseTo(in[i] + c[i], within(1e-6f));
        }
    }

    @Test
    void sharedVisionModelTellsTwoDigitsApart() {
        var digitInput = layerInput(27, 27, 1);
        var out = digitInput.then(layerConv2d(64, 3, 3)).then(layerConv2d(64, 3, 3))
                .then(layerMaxPooling2d(2, 2)).then(layerFlatten());
        var visionModel = kerasModel(digitInput, out);
        var digitA = layerInput(27, 27, 1);
        var digitB = layerInput(27, 27, 1);
        var outA = digitA.then(visionModel);
        var outB = digitB.then(visionModel);
        var classification = layerConcatenate(outA, outB).then(layerDense(1).activation("sigmoid"));
        var classificationModel = kerasModel(List.of(digitA, digitB), classification);
        assertThat(classificationModel.summaryString(98)).isEqualTo(SummaryText.expected("shared-vision-summary.txt"));

        classificationModel.compile("rmsprop", "binary_crossentropy", "accuracy");
        Tensor a = Tensor.of(FunctionalMlpTest.randomRows(4, 27 * 27, 1), 4, 27, 27, 1);
        Tensor b = Tensor.of(FunctionalMlpTest.randomRows(4, 27 * 27, 2), 4, 27, 27, 1);
        Tensor same = Tensor.of(new float[] {1, 0, 0, 1}, 4, 1);
        var before = visionModel.predict(a).toFloatArray();
        var history = classificationModel.fit(List.of(a, b), same, epochs(1), verbose(0));
        assertThat(history.metrics().keySet()).containsExactly("loss", "accuracy");
        // training the classifier trained the one shared vision model
        assertThat(visionModel.predict(a).toFloatArray()).isNotEqualTo(before);
    }
}
