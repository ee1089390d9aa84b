package dev.horn;

import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TensorTest {
    @Test
    void dividingIntegersByANumberIsTrueDivision() {
        Tensor pixels = Tensor.of(new int[] {0, 51, 255}, 3);
        Tensor scaled = pixels.div(255);
        assertThat(scaled.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(scaled.toFloatArray()).containsExactly(0f, 0.2f, 1f);
        assertThat(Tensor.of(new double[] {3}, 1).div(2).toDoubleArray()).containsExactly(1.5);
    }

    @Test
    void nestedArraysGiveShapeAndRowMajorOrder() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(t.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.getFloat(1, 0)).isEqualTo(4f);
    }

    @Test
    void flatDataWithoutShapeIsAVector() {
        assertThat(Tensor.of(new float[] {7}).shape()).isEqualTo(Shape.of(1));
        assertThat(Tensor.scalar(7f).shape()).isEqualTo(Shape.scalar());
    }

    @Test
    void reshapeOfContiguousTensorSharesStorage() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor r = t.reshape(3, -1);
        assertThat(r.shape()).isEqualTo(Shape.of(3, 2));
        assertThat(r.storage()).isSameAs(t.storage());
    }

    @Test
    void transposeIsAViewAndMaterialisesOnDemand() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor tt = t.transpose();
        assertThat(tt.storage()).isSameAs(t.storage());
        assertThat(tt.isContiguous()).isFalse();
        assertThat(tt.toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(tt.reshape(6).toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void reshapeToTheWrongSizeNamesBothShapes() {
        Tensor t = tf.zeros(2, 3);
        assertThatThrownBy(() -> t.reshape(4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reshape")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[4, 2]");
    }

    @Test
    void matmulWithMismatchedInnerDimensionsSaysSo() {
        assertThatThrownBy(() -> tf.matmul(tf.zeros(128, 784), tf.zeros(512, 10)))
                .hasMessage("matmul: incompatible shapes [128, 784] and [512, 10]: inner dimensions 784 != 512");
    }

    @Test
    void addOfDifferentDtypesNamesBoth() {
        assertThatThrownBy(() -> tf.add(tf.zeros(2), tf.zeros(DType.INT32, 2)))
                .hasMessageContaining("add")
                .hasMessageContaining("float32")
                .hasMessageContaining("int32");
    }

    @Test
    void nonBroadcastableShapesAreNamed() {
        assertThatThrownBy(() -> tf.mul(tf.zeros(2, 3), tf.zeros(4)))
                .hasMessage("mul: incompatible shapes [2, 3] and [4]: they do not broadcast");
    }

    @Test
    void outOfRangeIndexNamesAxisAndSize() {
        assertThatThrownBy(() -> tf.zeros(2, 3).getDouble(1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("axis 1 of size 3");
    }

    @Test
    void badAxisNamesTheOpAndRank() {
        assertThatThrownBy(() -> tf.reduceSum(tf.zeros(2, 3), 2))
                .hasMessageContaining("reduce_sum")
                .hasMessageContaining("axis 2 is out of range for a tensor of rank 2");
    }

    @Test
    void matmulMatchesHandResult() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertThat(a.matmul(a).add(1f).toFloatArray()).containsExactly(8, 11, 16, 23);
    }

    @Test
    void castTruncatesTowardZeroAndMapsBooleans() {
        Tensor x = Tensor.of(new float[] {-1.7f, 0f, 2.9f});
        assertThat(x.cast(DType.INT32).toIntArray()).containsExactly(-1, 0, 2);
        assertThat(x.cast(DType.BOOL).toBooleanArray()).containsExactly(true, false, true);
    }
}
