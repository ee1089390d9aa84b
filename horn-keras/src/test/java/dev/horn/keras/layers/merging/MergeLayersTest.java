package dev.horn.keras.layers.merging;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.layers.Layer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Keras' merge layers: values (checked with numpy), shape rules and the errors Keras raises. */
class MergeLayersTest {
    private static final Tensor A = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    private static final Tensor B = Tensor.of(new float[] {0.5f, -1, 2, 3, 0, -2}, 2, 3);

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private static float[] run(Layer layer, Tensor... inputs) {
        return layer.applyMany(List.of(inputs), false, null).getFirst().toFloatArray();
    }

    @Test
    void elementwiseMergesCombineTwoOrMoreInputs() {
        assertThat(run(new Add(), A, B)).containsExactly(1.5f, 1, 5, 7, 5, 4);
        assertThat(run(new Add(), A, B, A)).containsExactly(2.5f, 3, 8, 11, 10, 10);
        assertThat(run(new Subtract(), A, B)).containsExactly(0.5f, 3, 1, 1, 5, 8);
        assertThat(run(new Multiply(), A, B)).containsExactly(0.5f, -2, 6, 12, 0, -12);
        assertThat(run(new Average(), A, B)).containsExactly(0.75f, 0.5f, 2.5f, 3.5f, 2.5f, 2);
        assertThat(run(new Maximum(), A, B)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(run(new Minimum(), A, B)).containsExactly(0.5f, -1, 2, 3, 0, -2);
    }

    @Test
    void concatenateJoinsAlongItsAxis() {
        assertThat(run(new Concatenate(), A, B)).containsExactly(1, 2, 3, 0.5f, -1, 2, 4, 5, 6, 3, 0, -2);
        assertThat(run(new Concatenate().axis(0), A, B)).containsExactly(1, 2, 3, 4, 5, 6, 0.5f, -1, 2, 3, 0, -2);
        var x = layerInput(4, 3);
        var y = layerInput(2, 3);
        assertThat(layerConcatenate(List.of(x, y), 1).shape()).isEqualTo(Shape.of(-1, 6, 3));
        assertThatThrownBy(() -> layerConcatenate(x, y)).hasMessageContaining(
                "A `Concatenate` layer requires inputs with matching shapes except for the concat axis. "
                        + "Got inputs shapes: [(None, 4, 3), (None, 2, 3)]");
    }

    @Test
    void dotIsAPerSampleDotProductAndCosineWhenNormalized() {
        assertThat(run(new Dot(1), A, B)).containsExactly(4.5f, 0);
        float[] cos = run(new Dot(1).normalize(true), A, B);
        assertThat(cos[0]).isCloseTo(0.5248906f, within(1e-6f));
        assertThat(cos[1]).isCloseTo(0f, within(1e-6f));
        assertThat(layerDot(List.of(layerInput(5), layerInput(5)), 1).shape()).isEqualTo(Shape.of(-1, 1));
    }

    @Test
    void dotContractsChosenAxesOfHigherRankInputs() {
        float[] xv = new float[24];
        for (int i = 0; i < 24; i++) {
            xv[i] = i / 10f;
        }
        float[] yv = new float[16];
        for (int i = 0; i < 16; i++) {
            yv[i] = (i - 5) / 4f;
        }
        float[] y2v = new float[12];
        for (int i = 0; i < 12; i++) {
            y2v[i] = (i - 3) / 3f;
        }
        Tensor x = Tensor.of(xv, 2, 3, 4);
        float[] expected = {-0.05f, 0.1f, -0.85f, -0.3f, -1.65f, -0.7f, 8.35f, 9.7f, 10.75f, 12.5f, 13.15f, 15.3f};
        float[] got = run(new Dot(2, 1), x, Tensor.of(yv, 2, 4, 2));
        for (int i = 0; i < expected.length; i++) {
            assertThat(got[i]).isCloseTo(expected[i], within(1e-5f));
        }
        float[] expected11 = {0.13333334f, 0.53333336f, 0.033333331f, 0.53333336f, -0.066666692f, 0.53333336f,
                -0.16666669f, 0.5333333f, 8.533333f, 10.133333f, 9.033333f, 10.733334f, 9.533333f, 11.333334f, 10.033333f,
                11.933333f};
        float[] got11 = run(new Dot(1), x, Tensor.of(y2v, 2, 3, 2));
        for (int i = 0; i < expected11.length; i++) {
            assertThat(got11[i]).isCloseTo(expected11[i], within(1e-5f));
        }
        assertThat(new Dot(1).computeOutputShapes(List.of(Shape.of(-1, 3, 4), Shape.of(-1, 3, 2))))
                .containsExactly(Shape.of(-1, 4, 2));
        assertThatThrownBy(() -> layerDot(List.of(layerInput(3, 4), layerInput(5, 2)), 1)).hasMessageContaining(
                "Dimension incompatibility: 3 != 5. Layer shapes: (None, 3, 4), (None, 5, 2). Chosen axes: 1, 1");
    }

    @Test
    void elementwiseShapesBroadcastAsKeras() {
        assertThat(layerAdd(layerInput(4), layerInput(3, 4)).shape()).isEqualTo(Shape.of(-1, 3, 4));
        assertThat(layerMultiply(layerInput(3, 1), layerInput(3, 4)).shape()).isEqualTo(Shape.of(-1, 3, 4));
        // a (2, 3) input gains an axis after the batch axis to meet a (2, 1, 3) one
        Tensor column = Tensor.of(new float[] {1, 1, 1, 2, 2, 2}, 2, 1, 3);
        assertThat(run(new Add(), A, column)).containsExactly(2, 3, 4, 6, 7, 8);
        assertThatThrownBy(() -> layerAdd(layerInput(3), layerInput(4))).hasMessageContaining(
                "Operands could not be broadcast together with shapes [(None, 3), (None, 4)]");
    }

    @Test
    void mergeLayersNeedAListOfAtLeastTwoInputs() {
        var x = layerInput(3);
        assertThatThrownBy(() -> x.then(new Add())).hasMessageContaining("A merge layer should be called on a list of inputs");
        assertThatThrownBy(() -> new Add().apply(List.of(x))).hasMessageContaining(
                "A merge layer should be called on a list of inputs");
        assertThatThrownBy(() -> new Subtract().apply(List.of(x, x, x))).hasMessageContaining(
                "A `Subtract` layer should be called on exactly 2 inputs");
        assertThatThrownBy(() -> new Add().apply(List.of(layerInput(3), x)).layer().applyMany(
                List.of(A, Tensor.of(new float[9], 3, 3)), false, null)).hasMessageContaining(
                "Can not merge tensors with different batch sizes");
    }

    @Test
    void masksCombineWhereAnyInputIsMasked() {
        Tensor m1 = Tensor.of(new boolean[] {true, false, true}, 1, 3);
        Tensor m2 = Tensor.of(new boolean[] {true, true, false}, 1, 3);
        var add = new Add();
        Tensor x = Tensor.of(new float[3], 1, 3);
        assertThat(add.computeMasks(List.of(x, x), java.util.Arrays.asList(m1, m2)).getFirst().toBooleanArray())
                .containsExactly(true, false, false);
        assertThat(add.computeMasks(List.of(x, x), java.util.Arrays.asList(m1, null)).getFirst()).isSameAs(m1);
        assertThat(add.computeMasks(List.of(x, x), null).getFirst()).isNull();
    }
}
