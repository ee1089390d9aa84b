package dev.horn.keras.layers;

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

class DenseTest {
    @BeforeEach
    void freshNames() {
        Keras.clearSession();
    }

    @Test
    void defaultNamesCountPerKind() {
        var a = layerDense(2);
        var b = layerDense(2);
        var d = layerDropout(0.5);
        var named = layerDense(2).name("head");
        var c = layerDense(2);
        assertThat(List.of(a.name(), b.name(), d.name(), named.name(), c.name()))
                .containsExactly("dense", "dense_1", "dropout", "head", "dense_2");
        Keras.clearSession();
        assertThat(layerDense(1).name()).isEqualTo("dense");
    }

    @Test
    void computesInputsTimesKernelPlusBias() {
        var dense = layerDense(2).activation("relu");
        dense.ensureBuilt(Shape.of(-1, 3));
        dense.setWeights(List.of(Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, -1}}), Tensor.of(new float[] {0.5f, 0})));
        Tensor y = dense.apply(Tensor.of(new float[][] {{1, 2, 3}, {0, 0, 4}}));
        assertThat(y.toFloatArray()).containsExactly(4.5f, 0f, 4.5f, 0f);
    }

    @Test
    void appliesAlongTheLastAxisOfHigherRankInputs() {
        var dense = layerDense(1).useBias(false);
        dense.ensureBuilt(Shape.of(-1, 2, 2));
        dense.setWeights(List.of(Tensor.of(new float[][] {{1}, {10}})));
        Tensor y = dense.apply(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 1));
        assertThat(y.toFloatArray()).containsExactly(21f, 43f, 65f, 87f);
    }

    @Test
    void higherRankInputsGetTheBiasAndReluToo() {
        var dense = layerDense(2).activation("relu");
        dense.ensureBuilt(Shape.of(-1, 2, 2));
        dense.setWeights(List.of(Tensor.of(new float[][] {{1, -1}, {10, -10}}), Tensor.of(new float[] {-30, 50})));
        Tensor y = dense.apply(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2));
        assertThat(y.shape()).isEqualTo(Shape.of(2, 2, 2));
        // rows x·w = (21, -21), (43, -43), (65, -65), (87, -87); + (-30, 50), then relu
        assertThat(y.toFloatArray()).containsExactly(0f, 29f, 13f, 7f, 35f, 0f, 57f, 0f);
    }

    @Test
    void glorotUniformKernelStaysInsideItsLimit() {
        var dense = layerDense(512);
        dense.ensureBuilt(Shape.of(-1, 784));
        double limit = Math.sqrt(6.0 / (784 + 512));
        float[] k = dense.kernel().read().toFloatArray();
        double max = 0;
        for (float v : k) {
            max = Math.max(max, Math.abs(v));
        }
        // a float draw may round to the float nearest the limit, which can lie just above it
        assertThat(max).isLessThanOrEqualTo(Math.max(limit, (float) limit)).isGreaterThan(limit * 0.99);
        assertThat(dense.bias().read().toFloatArray()).containsOnly(0f);
    }

    @Test
    void wrongInputWidthNamesLayerAndShapes() {
        var dense = layerDense(2);
        dense.ensureBuilt(Shape.of(-1, 784));
        assertThatThrownBy(() -> dense.apply(Tensor.of(new float[28 * 2], 2, 28)))
                .hasMessage("Input 0 of layer \"dense\" is incompatible with the layer: expected axis -1 of input shape "
                        + "to have value 784, but received input with shape (2, 28)");
    }

    @Test
    void badArgumentsAreRejectedAtOnce() {
        assertThatThrownBy(() -> layerDense(0)).hasMessageContaining("units must be a positive integer, got 0");
        assertThatThrownBy(() -> layerDropout(1.0)).hasMessageContaining("rate must be in [0, 1)");
    }

    @Test
    void dropoutScalesKeptUnitsOnlyInTraining() {
        var dropout = layerDropout(0.25);
        Tensor x = dev.horn.Tf.tf.ones(100_000);
        assertThat(dropout.apply(x, false).toFloatArray()).containsOnly(1f);
        float[] y = dropout.apply(x, true).toFloatArray();
        int kept = 0;
        for (float v : y) {
            assertThat(v).isIn(0f, 1f / 0.75f);
            kept += v == 0 ? 0 : 1;
        }
        assertThat(kept / 100_000.0).isCloseTo(0.75, within(0.01));
    }
}
