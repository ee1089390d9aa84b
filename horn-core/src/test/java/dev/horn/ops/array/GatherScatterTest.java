package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** gather, gather_nd, tensor_scatter_nd_add, scatter_nd, one_hot; expected values from numpy. */
class GatherScatterTest {
    private static final Tensor P = Tensor.of(range(24), 2, 3, 4);

    private static double[] range(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void gatherAlongAMiddleAxis() {
        Tensor y = tf.gather(P, Tensor.of(new int[] {2, 0, 2, 1}, 2, 2), 1);
        assertThat(y.shape().dims()).containsExactly(2, 2, 2, 4);
        assertThat(y.toIntArray()).containsExactly(8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7,
                20, 21, 22, 23, 12, 13, 14, 15, 20, 21, 22, 23, 16, 17, 18, 19);
    }

    @Test
    void gatherWithBatchDims() {
        Tensor y = tf.gather(P, Tensor.of(new long[] {1, 1, 0, 2, 0, 0}, 2, 3), 2, 1);
        assertThat(y.shape().dims()).containsExactly(2, 3, 3);
        assertThat(y.toIntArray()).containsExactly(1, 1, 0, 5, 5, 4, 9, 9, 8, 14, 12, 12, 18, 16, 16, 22, 20, 20);
    }

    @Test
    void gatherFromATransposedStringView() {
        Tensor s = tf.transpose(Tensor.of(new String[] {"a", "b", "c", "d", "e", "f"}, 2, 3));
        Tensor y = tf.gather(s, Tensor.of(new int[] {1, 0, 1}));
        assertThat(y.toStringArray()).containsExactly("b", "e", "a", "d", "b", "e");
    }

    @Test
    void gatherRejectsIndexOutOfRange() {
        assertThatThrownBy(() -> tf.gather(P, Tensor.of(new int[] {0, 3}), 1))
                .hasMessageContaining("gather").hasMessageContaining("indices[1] = 3").hasMessageContaining("[0, 3)");
    }

    @Test
    void gatherRejectsFloatIndices() {
        assertThatThrownBy(() -> tf.gather(P, Tensor.of(new float[] {0}))).hasMessageContaining("gather")
                .hasMessageContaining("int32 or int64");
    }

    @Test
    void gatherNdPicksRowsAndElements() {
        Tensor rows = tf.gatherNd(P, Tensor.of(new int[] {1, 2, 0, 0}, 2, 2));
        assertThat(rows.shape().dims()).containsExactly(2, 4);
        assertThat(rows.toIntArray()).containsExactly(20, 21, 22, 23, 0, 1, 2, 3);
        assertThat(tf.gatherNd(P, Tensor.of(new int[] {1, 0, 3}, 1, 3)).toIntArray()).containsExactly(15);
    }

    @Test
    void tensorScatterAddSumsRepeatedRows() {
        Tensor t = Tensor.of(new float[] {1, 1, 1, 1}, 2, 2);
        Tensor y = tf.tensorScatterAdd(t, Tensor.of(new int[] {1, 1, 0}, 3, 1), Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        assertThat(y.toFloatArray()).containsExactly(6, 7, 5, 7);
        assertThat(t.toFloatArray()).containsExactly(1, 1, 1, 1);
        Tensor z = tf.scatterNd(Tensor.of(new long[] {3, 0, 3}, 3, 1), Tensor.of(new int[] {1, 2, 4}), 5);
        assertThat(z.toIntArray()).containsExactly(2, 0, 0, 5, 0);
    }

    @Test
    void tensorScatterAddRejectsIndexOutOfRangeAndBadUpdates() {
        Tensor t = Tensor.of(new float[] {1, 1, 1, 1}, 2, 2);
        assertThatThrownBy(() -> tf.tensorScatterAdd(t, Tensor.of(new int[] {0, 2}, 1, 2), Tensor.of(new float[] {1})))
                .hasMessageContaining("tensor_scatter_nd_add").hasMessageContaining("[0, 2]").hasMessageContaining("[2, 2]");
        assertThatThrownBy(() -> tf.tensorScatterAdd(t, Tensor.of(new int[] {0}, 1, 1), Tensor.of(new float[] {1})))
                .hasMessageContaining("updates must have shape [1, 2]");
    }

    @Test
    void oneHotOnTheLastAxisWithOutOfRangeRowsOff() {
        Tensor y = tf.oneHot(Tensor.of(new int[] {0, 2, -1, 3}), 3);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(y.shape().dims()).containsExactly(4, 3);
        assertThat(y.toFloatArray()).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void oneHotOnAxisZeroWithValuesAndDtype() {
        Tensor y = tf.oneHot(Tensor.of(new long[] {1, 0}), 2, 5, -1, 0, DType.INT32);
        assertThat(y.shape().dims()).containsExactly(2, 2);
        assertThat(y.toIntArray()).containsExactly(-1, 5, 5, -1);
        Tensor b = tf.oneHot(Tensor.of(new int[] {1, 0}, 1, 2), 2, 1, 0, 1, DType.BOOL);
        assertThat(b.shape().dims()).containsExactly(1, 2, 2);
        assertThat(b.toBooleanArray()).containsExactly(false, true, true, false);
    }
}
