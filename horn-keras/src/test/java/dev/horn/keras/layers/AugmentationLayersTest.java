package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Expect;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The augmentation layers: the affine sampler against a numpy port of TensorFlow's
 * ImageProjectiveTransformV3 kernel (its map_coordinate per fill mode, bilinear and nearest
 * reads), and the layers' training-only randomness.
 */
class AugmentationLayersTest {
    /** A 3x4 image holding 1..12. */
    static final Tensor IMAGE = tf.reshape(tf.cast(tf.range(1, 13), dev.horn.DType.FLOAT32), 1, 3, 4, 1);

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private static Tensor apply(double[] m, String fill, String interpolation, double fillValue) {
        Tensor[] coefficients = new Tensor[6];
        for (int i = 0; i < 6; i++) {
            coefficients[i] = Tensor.of(new float[] {(float) m[i]}, 1);
        }
        return AffineSampler.transform(IMAGE, coefficients, fill, interpolation, fillValue);
    }

    @Test
    void translationFillsAsEachFillModeSays() {
        double[] shift = {1, 0, -1.5, 0, 1, 1};
        Expect.values(apply(shift, "reflect", "bilinear", -1), 5.5, 5.0, 5.5, 6.5, 9.5, 9.0, 9.5, 10.5, 9.5, 9.0, 9.5, 10.5);
        Expect.values(apply(shift, "wrap", "bilinear", -1), 7.5, 8.0, 5.5, 6.5, 11.5, 12.0, 9.5, 10.5, 3.5, 4.0, 1.5, 2.5);
        Expect.values(apply(shift, "nearest", "bilinear", -1), 5.0, 5.0, 5.5, 6.5, 9.0, 9.0, 9.5, 10.5, 9.0, 9.0, 9.5, 10.5);
        Expect.values(apply(shift, "constant", "bilinear", -1), -1.0, 2.0, 5.5, 6.5, -1.0, 4.0, 9.5, 10.5, -1.0, -1.0, -1.0, -1.0);
    }

    @Test
    void rotationAndZoomMatrices() {
        double a = Math.toRadians(30);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double[] rotate = {c, -s, (3 - (c * 3 - s * 2)) / 2, s, c, (2 - (s * 3 + c * 2)) / 2};
        Expect.values(apply(rotate, "reflect", "bilinear", 0), 1.700961894323342, 2.566987298107781, 4.968911086754465, 7.535898384862245, 2.2009618943233424,
                5.06698729810778, 7.933012701892219, 10.799038105676658, 5.464101615137755, 8.031088913245537,
                10.43301270189222, 11.299038105676658);
        Expect.values(apply(rotate, "constant", "nearest", 0), 0.0, 3.0, 3.0, 8.0, 1.0, 6.0, 7.0, 12.0, 5.0, 10.0, 10.0, 0.0);
        double[] zoom = {0.5, 0, 1.5 * 0.5, 0, 0.5, 0.5};
        Expect.values(apply(zoom, "reflect", "bilinear", 0), 3.75, 4.25, 4.75, 5.25, 5.75, 6.25, 6.75, 7.25, 7.75, 8.25, 8.75, 9.25);
    }

    @Test
    void augmentationIsActiveOnlyInTraining() {
        Tensor x = tf.randomUniform(new int[] {8, 16, 16, 3}, 0, 255, dev.horn.DType.FLOAT32, 5);
        for (Layer layer : new Layer[] {layerRandomFlip(), layerRandomRotation(0.2), layerRandomZoom(0.3),
                layerRandomTranslation(0.2, 0.2)}) {
            assertThat(layer.apply(x, false).toFloatArray()).as(layer.name()).containsExactly(x.toFloatArray());
            Tensor y = layer.apply(x, true);
            assertThat(y.shape()).isEqualTo(x.shape());
            assertThat(y.toFloatArray()).as(layer.name()).isNotEqualTo(x.toFloatArray());
        }
    }

    @Test
    void randomFlipMirrorsWholeImages() {
        Tensor x = tf.randomUniform(new int[] {64, 3, 5, 1}, 0, 1, dev.horn.DType.FLOAT32, 9);
        Tensor y = layerRandomFlip("horizontal").seed(4).apply(x, true);
        Tensor mirrored = tf.reverse(x, 2);
        int flipped = 0;
        for (int i = 0; i < 64; i++) {
            Tensor yi = tf.slice(y, new int[] {i, 0, 0, 0}, new int[] {1, 3, 5, 1});
            boolean same = java.util.Arrays.equals(yi.toFloatArray(), tf.slice(x, new int[] {i, 0, 0, 0}, new int[] {1, 3, 5, 1}).toFloatArray());
            boolean mirror = java.util.Arrays.equals(yi.toFloatArray(), tf.slice(mirrored, new int[] {i, 0, 0, 0}, new int[] {1, 3, 5, 1}).toFloatArray());
            assertThat(same || mirror).isTrue();
            flipped += mirror ? 1 : 0;
        }
        assertThat(flipped).isBetween(16, 48);
    }

    @Test
    void configsAndBadArguments() {
        assertThat(layerRandomRotation(0.1).getConfig()).containsEntry("factor", 0.1).containsEntry("fill_mode", "reflect")
                .containsEntry("interpolation", "bilinear").containsKeys("seed", "fill_value");
        assertThat(layerRandomZoom(-0.2, 0.3).getConfig()).containsEntry("height_factor", java.util.List.of(-0.2, 0.3))
                .containsEntry("width_factor", null);
        assertThat(layerRandomFlip().getConfig()).containsEntry("mode", "horizontal_and_vertical");
        assertThat(new RandomTranslation(0.1, 0.2).name()).isEqualTo("random_translation");
        assertThatThrownBy(() -> layerRandomRotation(0.1).fillMode("mirror")).hasMessageContaining("mirror");
        assertThatThrownBy(() -> layerRandomFlip("diagonal")).hasMessageContaining("diagonal");
        assertThatThrownBy(() -> layerRandomZoom(0.5, 0.1)).hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> layerRandomFlip().apply(tf.zeros(2, 3))).hasMessageContaining("found ndim=2");
    }

    @Test
    void singleImagesAreAcceptedToo() {
        Tensor one = tf.reshape(IMAGE, 3, 4, 1);
        assertThat(layerRandomRotation(0.5).apply(one, true).shape()).isEqualTo(Shape.of(3, 4, 1));
    }
}
