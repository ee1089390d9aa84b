package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TopK;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortTest {
    @Test
    void argsortIsStableAndInt32() {
        Tensor x = Tensor.of(new float[] {3, 1, 2, 1});
        Tensor idx = tf.argsort(x);
        assertThat(idx.dtype()).isEqualTo(DType.INT32);
        assertThat(idx.toIntArray()).containsExactly(1, 3, 2, 0);
        assertThat(tf.argsort(x, 0, true).toIntArray()).containsExactly(0, 2, 1, 3);
    }

    @Test
    void sortAlongEitherAxis() {
        Tensor x = Tensor.of(new float[][] {{3, 1, 2}, {0, 5, 4}});
        assertThat(tf.sort(x).toFloatArray()).containsExactly(1, 2, 3, 0, 4, 5);
        assertThat(tf.sort(x, 0, true).toFloatArray()).containsExactly(3, 5, 4, 0, 1, 2);
    }

    @Test
    void nanSortsLast() {
        assertThat(tf.sort(Tensor.of(new double[] {Double.NaN, 1, -1})).toDoubleArray()).containsExactly(-1, 1, Double.NaN);
    }

    @Test
    void topKGivesLargestValuesFirstWithIndices() {
        Tensor x = Tensor.of(new float[][] {{1, 9, 3, 7}, {4, 4, 8, 0}});
        TopK top = tf.topK(x, 2);
        assertThat(top.values().toFloatArray()).containsExactly(9, 7, 8, 4);
        assertThat(top.indices().toIntArray()).containsExactly(1, 3, 2, 0);
    }

    @Test
    void topKRejectsKLargerThanTheRow() {
        assertThatThrownBy(() -> tf.topK(tf.zeros(2, 3), 4))
                .hasMessage("top_k: k = 4 must be in [0, 3] for input of shape [2, 3]");
    }
}
