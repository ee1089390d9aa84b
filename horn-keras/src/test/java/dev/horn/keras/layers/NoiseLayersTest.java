package dev.horn.keras.layers;

import dev.horn.Tensor;
import dev.horn.keras.Expect;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spatial dropout, Gaussian noise and rescaling: active when Keras makes them active, with Keras' statistics. */
class NoiseLayersTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    @Test
    void spatialDropoutDropsWholeChannels() {
        Tensor x = tf.ones(8, 5, 5, 200);
        float[] y = layerSpatialDropout2d(0.5).seed(3).apply(x, true).toFloatArray();
        int kept = 0;
        for (int b = 0; b < 8; b++) {
            for (int c = 0; c < 200; c++) {
                float first = y[b * 5000 + c];
                assertThat(first).isIn(0f, 2f);
                for (int p = 0; p < 25; p++) {
                    assertThat(y[b * 5000 + p * 200 + c]).isEqualTo(first);
                }
                kept += first == 0 ? 0 : 1;
            }
        }
        assertThat(kept / 1600.0).isCloseTo(0.5, within(0.05));
        assertThat(layerSpatialDropout2d(0.5).apply(x, false).toFloatArray()).containsOnly(1f);
    }

    @Test
    void spatialDropout1dSharesTheMaskAlongSteps() {
        float[] y = layerSpatialDropout1d(0.3).apply(tf.ones(4, 6, 50), true).toFloatArray();
        for (int b = 0; b < 4; b++) {
            for (int c = 0; c < 50; c++) {
                for (int t = 1; t < 6; t++) {
                    assertThat(y[b * 300 + t * 50 + c]).isEqualTo(y[b * 300 + c]);
                }
            }
        }
        assertThat(layerSpatialDropout1d(0.3).getConfig()).containsEntry("rate", 0.3).doesNotContainKey("data_format");
    }

    @Test
    void gaussianNoiseHasItsStddevInTrainingOnly() {
        Tensor x = tf.zeros(100_000);
        var noise = layerGaussianNoise(0.5);
        assertThat(noise.apply(x, false).toFloatArray()).containsOnly(0f);
        Tensor y = noise.apply(x, true);
        assertThat(tf.reduceMean(y).item()).isCloseTo(0, within(0.01));
        assertThat(tf.reduceStd(y, new int[] {0}, false).item()).isCloseTo(0.5, within(0.01));
        assertThat(noise.getConfig()).containsEntry("stddev", 0.5).containsKey("seed");
    }

    @Test
    void rescalingAppliesInBothModes() {
        var r = layerRescaling(1 / 127.5).offset(-1);
        Expect.values(r.apply(Tensor.of(new float[] {0, 127.5f, 255}, 3), false), -1, 0, 1);
        Expect.values(r.apply(Tensor.of(new int[] {255}, 1), true), 1);
        assertThat(r.getConfig()).containsEntry("scale", 1 / 127.5).containsEntry("offset", -1.0);
    }
}
