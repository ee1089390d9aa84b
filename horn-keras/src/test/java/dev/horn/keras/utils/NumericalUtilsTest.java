package dev.horn.keras.utils;

import dev.horn.DType;
import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.utils.NumericalUtils.arrayReshape;
import static dev.horn.keras.utils.NumericalUtils.normalize;
import static dev.horn.keras.utils.NumericalUtils.toCategorical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NumericalUtilsTest {
    @Test
    void arrayReshapeIsRowMajorUnlikeRsDimAssignment() {
        Tensor m = Tensor.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = arrayReshape(m, 3, 2);
        assertThat(r.shape().dims()).containsExactly(3, 2);
        // rows (1 2) (3 4) (5 6); R's dim<- would give (1 4) (2 5) (3 6)
        assertThat(r.toIntArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.getDouble(1, 0)).isEqualTo(3);
        assertThat(arrayReshape(Tensor.of(new int[24], 2, 3, 4), 2, -1).shape().dims()).containsExactly(2, 12);
    }

    @Test
    void toCategoricalOneHotEncodesAsFloat32() {
        Tensor y = toCategorical(Tensor.of(new int[] {5, 0, 4}), 10);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape().dims()).containsExactly(3, 10);
        assertThat(y.toFloatArray()).containsExactly(
                0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void toCategoricalDropsATrailingAxisOfOneAndInfersTheClassCount() {
        Tensor y = toCategorical(Tensor.of(new long[] {2, 0, 1, 2}, 4, 1));
        assertThat(y.shape().dims()).containsExactly(4, 3);
        Tensor fromFloats = toCategorical(Tensor.of(new float[] {1, 0}), 2);
        assertThat(fromFloats.toFloatArray()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void toCategoricalNamesALabelOutOfRange() {
        assertThatThrownBy(() -> toCategorical(Tensor.of(new int[] {1, 10, 3}), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toCategorical: label 10 at index 1 is out of range for numClasses=10 (labels must be in 0..9)");
        assertThatThrownBy(() -> toCategorical(Tensor.of(new int[] {-1}), 3)).hasMessageContaining("label -1 at index 0");
        assertThatThrownBy(() -> toCategorical(Tensor.of(new float[] {0.5f}), 3)).hasMessageContaining("label 0.5 at index 0 is not an integer");
    }

    @Test
    void normalizeDefaultsToL2AlongTheLastAxis() {
        Tensor x = normalize(Tensor.of(new float[] {3, 4, 0, 0, 1, 0}, 2, 3));
        assertThat(x.toFloatArray()).containsExactly(0.6f, 0.8f, 0f, 0f, 1f, 0f);
    }

    @Test
    void normalizeLeavesZeroVectorsAndSupportsOtherOrdersAndAxes() {
        Tensor x = Tensor.of(new double[] {0, 0, 1, -3}, 2, 2);
        assertThat(normalize(x, -1, 2).toDoubleArray()).containsExactly(0, 0, 1 / Math.sqrt(10), -3 / Math.sqrt(10));
        assertThat(normalize(x, 0, 1).toDoubleArray()).containsExactly(0, 0, 1, -1);
        assertThat(normalize(x, 1, Double.POSITIVE_INFINITY).toDoubleArray()).containsExactly(0, 0, 1 / 3.0, -1);
        double[] p3 = normalize(x, 1, 3).toDoubleArray();
        assertThat(p3[3]).isCloseTo(-3 / Math.cbrt(28), within(1e-12));
        Tensor fromInts = normalize(Tensor.of(new int[] {3, 4}));
        assertThat(fromInts.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(fromInts.toFloatArray()).containsExactly(0.6f, 0.8f);
    }
}
