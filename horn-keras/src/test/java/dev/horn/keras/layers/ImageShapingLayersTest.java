package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Expect;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Padding, cropping, up-sampling and global pooling: shapes, values and configs as Keras has them. */
class ImageShapingLayersTest {
    /** One 2x3 single-channel image [[1, 2, 5], [3, 4, 0]], channels last. */
    static final Tensor IMAGE = Tensor.of(new float[] {1, 2, 5, 3, 4, 0}, 1, 2, 3, 1);

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    @Test
    void zeroPaddingAddsRowsAndColumnsOfZeros() {
        var pad = layerZeroPadding2d(1, 0, 0, 2);
        Tensor y = pad.apply(IMAGE);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 3, 5, 1));
        Expect.values(y, 0, 0, 0, 0, 0, 1, 2, 5, 0, 0, 3, 4, 0, 0, 0);
        assertThat(layerZeroPadding2d().computeOutputShape(Shape.of(-1, 28, 28, 3))).isEqualTo(Shape.of(-1, 30, 30, 3));
        assertThat(pad.getConfig()).containsEntry("padding", java.util.List.of(java.util.List.of(1, 0), java.util.List.of(0, 2)))
                .containsEntry("data_format", "channels_last").containsEntry("name", "zero_padding2d");
    }

    @Test
    void channelsFirstPadsTheLastTwoAxes() {
        var pad = layerZeroPadding2d(1).dataFormat("channels_first");
        assertThat(pad.computeOutputShape(Shape.of(-1, 3, 28, 28))).isEqualTo(Shape.of(-1, 3, 30, 30));
        assertThat(pad.apply(Tensor.of(new float[] {7}, 1, 1, 1, 1)).toFloatArray())
                .containsExactly(0, 0, 0, 0, 7, 0, 0, 0, 0);
    }

    @Test
    void croppingCutsEdges() {
        var crop = layerCropping2d(0, 1, 1, 0);
        Tensor y = crop.apply(IMAGE);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 2, 1));
        Expect.values(y, 2, 5);
        assertThatThrownBy(() -> layerCropping2d(1).computeOutputShape(Shape.of(-1, 2, 8, 1)))
                .hasMessageContaining("\"cropping2d\"").hasMessageContaining("(None, 2, 8, 1)");
    }

    @Test
    void nearestUpSamplingRepeatsPixels() {
        Tensor y = layerUpsampling2d(2, 1).apply(IMAGE);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 3, 1));
        Expect.values(y, 1, 2, 5, 1, 2, 5, 3, 4, 0, 3, 4, 0);
    }

    @Test
    void bilinearUpSamplingUsesHalfPixelCentres() {
        // numpy: A_h(2->4) @ x @ A_w(3->6)^T with TF 2's half-pixel interpolation matrices
        Tensor y = layerUpsampling2d(2, 2).interpolation("bilinear").apply(IMAGE);
        assertThat(y.shape()).isEqualTo(Shape.of(1, 4, 6, 1));
        Expect.values(y, 1.0, 1.25, 1.75, 2.75, 4.25, 5.0, 1.5, 1.75, 2.25, 2.8125, 3.4375, 3.75, 2.5, 2.75, 3.25,
                2.9375, 1.8125, 1.25, 3.0, 3.25, 3.75, 3.0, 1.0, 0.0);
        assertThatThrownBy(() -> layerUpsampling2d().interpolation("bicubic")).hasMessageContaining("bicubic");
    }

    @Test
    void globalPoolingReducesSpatialAxes() {
        Tensor x = Tensor.of(new float[] {1, 10, 2, 20, 5, 30, 3, 40, 4, 50, 0, 60}, 1, 2, 3, 2);
        Expect.values(layerGlobalMaxPooling2d().apply(x), 5, 60);
        Expect.values(layerGlobalAveragePooling2d().apply(x), 2.5, 35);
        Tensor kept = layerGlobalAveragePooling2d().keepdims(true).apply(x);
        assertThat(kept.shape()).isEqualTo(Shape.of(1, 1, 1, 2));
        Tensor steps = Tensor.of(new float[] {1, 10, 2, 20, 5, 30}, 1, 3, 2);
        Expect.values(layerGlobalMaxPooling1d().apply(steps), 5, 30);
        Expect.values(layerGlobalAveragePooling1d().dataFormat("channels_first").apply(steps), 5.5, 11, 17.5);
        assertThat(layerGlobalMaxPooling2d().computeOutputShape(Shape.of(-1, 7, 7, 64))).isEqualTo(Shape.of(-1, 64));
        assertThat(new GlobalAveragePooling2D().name()).isEqualTo("global_average_pooling2d");
        assertThatThrownBy(() -> layerGlobalMaxPooling2d().apply(steps))
                .hasMessage("Input 0 of layer \"global_max_pooling2d\" is incompatible with the layer: expected ndim=4, "
                        + "found ndim=3. Full shape received: (1, 3, 2)");
    }

    @Test
    void layerNormalizationNormalizesEachSample() {
        var ln = layerLayerNormalization();
        ln.ensureBuilt(Shape.of(-1, 3));
        ln.setWeights(java.util.List.of(Tensor.of(new float[] {1, 2, 3}), Tensor.of(new float[] {0, 0.5f, -0.5f})));
        // numpy: (x - x.mean(1)) / sqrt(x.var(1) + 1e-3) * gamma + beta
        Expect.values(ln.apply(Tensor.of(new float[][] {{1, 2, 0.5f}, {4, -1, 3}}), true), -0.2669182815975926,
                3.169182815975925, -3.703019379171111, 0.9257209207010706, -2.277162762103212, 0.8885813810516059);
        assertThat(ln.countParams()).isEqualTo(6);
        assertThat(ln.getConfig()).containsEntry("axis", -1).containsEntry("epsilon", 0.001).containsKeys("center",
                "scale", "beta_initializer", "gamma_initializer", "beta_regularizer", "gamma_regularizer",
                "beta_constraint", "gamma_constraint");
        var overImage = layerLayerNormalization().axis(1, 2, 3);
        overImage.ensureBuilt(Shape.of(-1, 4, 4, 3));
        assertThat(overImage.countParams()).isEqualTo(2 * 48);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> layerLayerNormalization().epsilon(0))
                .hasMessageContaining("LayerNormalization").hasMessageContaining("epsilon").hasMessageContaining("0.0");
    }
}
