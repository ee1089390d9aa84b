package dev.horn.ops.array;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** expand_dims, squeeze, concat, stack, split, unstack, tile. */
class JoinSplitTest {
    private static final Tensor M = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
    /** [[0, 3], [1, 4], [2, 5]]: a non-contiguous view. */
    private static final Tensor MT = tf.transpose(M);

    @Test
    void expandDimsIsAViewWithANewUnitAxis() {
        Tensor y = tf.expandDims(M, -1);
        assertThat(y.shape().dims()).containsExactly(2, 3, 1);
        assertThat(y.storage()).isSameAs(M.storage());
        assertThat(tf.expandDims(M, 0).shape().dims()).containsExactly(1, 2, 3);
        assertThat(tf.expandDims(MT, 1).toFloatArray()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void expandDimsRejectsAxisOutOfRange() {
        assertThatThrownBy(() -> tf.expandDims(M, 3)).hasMessageContaining("expand_dims").hasMessageContaining("axis 3");
    }

    @Test
    void squeezeWithoutAxesRemovesEveryUnitAxis() {
        Tensor x = Tensor.of(new String[] {"a", "b", "c"}, 1, 3, 1);
        Tensor y = tf.squeeze(x);
        assertThat(y.shape().dims()).containsExactly(3);
        assertThat(y.storage()).isSameAs(x.storage());
        assertThat(y.toStringArray()).containsExactly("a", "b", "c");
        assertThat(tf.squeeze(x, -1).shape().dims()).containsExactly(1, 3);
    }

    @Test
    void squeezeRejectsAnAxisThatIsNotOne() {
        assertThatThrownBy(() -> tf.squeeze(M, 1))
                .hasMessageContaining("squeeze").hasMessageContaining("axis 1").hasMessageContaining("[2, 3]");
    }

    @Test
    void concatJoinsAlongAnAxis() {
        Tensor y = tf.concat(List.of(M, Tensor.of(new float[] {6, 7}, 2, 1)), 1);
        assertThat(y.shape().dims()).containsExactly(2, 4);
        assertThat(y.toFloatArray()).containsExactly(0, 1, 2, 6, 3, 4, 5, 7);
        assertThat(tf.concat(List.of(M, M), -2).toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void concatReadsTransposedViews() {
        Tensor y = tf.concat(List.of(MT, MT), 1);
        assertThat(y.toFloatArray()).containsExactly(0, 3, 0, 3, 1, 4, 1, 4, 2, 5, 2, 5);
    }

    @Test
    void concatKeepsIntBoolAndStringDtypes() {
        assertThat(tf.concat(List.of(Tensor.of(new int[] {1}), Tensor.of(new int[] {2, 3})), 0).toIntArray()).containsExactly(1, 2, 3);
        assertThat(tf.concat(List.of(Tensor.of(new boolean[] {true}), Tensor.of(new boolean[] {false})), 0).toBooleanArray())
                .containsExactly(true, false);
        assertThat(tf.concat(List.of(Tensor.of(new String[] {"x"}), Tensor.of(new String[] {"y"})), 0).toStringArray())
                .containsExactly("x", "y");
        Tensor d = tf.concat(List.of(Tensor.of(new double[] {1.5}), Tensor.of(new double[] {2.5})), 0);
        assertThat(d.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(d.toDoubleArray()).containsExactly(1.5, 2.5);
    }

    @Test
    void concatRejectsMismatchedRanks() {
        assertThatThrownBy(() -> tf.concat(List.of(M, Tensor.of(new float[] {1, 2, 3})), 0))
                .hasMessageContaining("concat").hasMessageContaining("input 1")
                .hasMessageContaining("[3]").hasMessageContaining("[2, 3]");
    }

    @Test
    void concatRejectsMismatchedDimensions() {
        assertThatThrownBy(() -> tf.concat(List.of(M, Tensor.of(new float[] {1, 2}, 1, 2)), 0))
                .hasMessageContaining("concat").hasMessageContaining("input 1")
                .hasMessageContaining("[1, 2]").hasMessageContaining("[2, 3]");
    }

    @Test
    void concatRejectsBadAxis() {
        assertThatThrownBy(() -> tf.concat(List.of(M, M), 2)).hasMessageContaining("concat").hasMessageContaining("axis 2");
    }

    @Test
    void stackAddsANewAxis() {
        Tensor a = Tensor.of(new int[] {1, 2});
        Tensor b = Tensor.of(new int[] {3, 4});
        assertThat(tf.stack(List.of(a, b), 0).toIntArray()).containsExactly(1, 2, 3, 4);
        Tensor s = tf.stack(List.of(a, b), -1);
        assertThat(s.shape().dims()).containsExactly(2, 2);
        assertThat(s.toIntArray()).containsExactly(1, 3, 2, 4);
    }

    @Test
    void splitIntoEqualPartsGivesViews() {
        Tensor[] parts = tf.split(M, 3, 1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1].toFloatArray()).containsExactly(1, 4);
        assertThat(parts[2].storage()).isSameAs(M.storage());
    }

    @Test
    void splitBySizesWithMinusOne() {
        Tensor[] parts = tf.split(MT, new int[] {-1, 1}, 0);
        assertThat(parts[0].shape().dims()).containsExactly(2, 2);
        assertThat(parts[0].toFloatArray()).containsExactly(0, 3, 1, 4);
        assertThat(parts[1].toFloatArray()).containsExactly(2, 5);
    }

    @Test
    void splitRejectsUnevenCountsAndBadSizes() {
        assertThatThrownBy(() -> tf.split(M, 2, 1)).hasMessageContaining("split").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> tf.split(M, new int[] {1, 1}, 1)).hasMessageContaining("split").hasMessageContaining("[1, 1]");
    }

    @Test
    void unstackDropsTheAxis() {
        Tensor[] rows = tf.unstack(M, 1);
        assertThat(rows).hasSize(3);
        assertThat(rows[2].shape().dims()).containsExactly(2);
        assertThat(rows[2].toFloatArray()).containsExactly(2, 5);
    }

    @Test
    void tileRepeatsEachAxisOfATransposedView() {
        Tensor y = tf.tile(MT, 2, 2);
        assertThat(y.shape().dims()).containsExactly(6, 4);
        // numpy: np.tile(np.arange(6).reshape(2, 3).T, (2, 2))
        assertThat(y.toFloatArray()).containsExactly(0, 3, 0, 3, 1, 4, 1, 4, 2, 5, 2, 5, 0, 3, 0, 3, 1, 4, 1, 4, 2, 5, 2, 5);
        assertThat(tf.tile(Tensor.of(new String[] {"a", "b"}), 2).toStringArray()).containsExactly("a", "b", "a", "b");
        assertThat(tf.tile(M, 0, 1).shape().dims()).containsExactly(0, 3);
    }

    @Test
    void tileRejectsWrongNumberOfMultiples() {
        assertThatThrownBy(() -> tf.tile(M, 2)).hasMessageContaining("tile").hasMessageContaining("[2, 3]");
    }
}
