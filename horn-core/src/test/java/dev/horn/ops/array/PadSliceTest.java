package dev.horn.ops.array;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pad, slice, strided_slice, reverse; expected values from numpy. */
class PadSliceTest {
    private static final Tensor X = Tensor.of(range(12), 3, 4);
    private static final Tensor Y = Tensor.of(range(48), 3, 4, 4);

    private static double[] range(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    private static double[] d(int... v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void padConstantFillsTheValue() {
        Tensor y = tf.pad(Tensor.of(new float[] {1, 2}, 1, 2), new int[][] {{1, 0}, {0, 1}}, Pad.Mode.CONSTANT, 9);
        assertThat(y.shape().dims()).containsExactly(2, 3);
        assertThat(y.toFloatArray()).containsExactly(9, 9, 9, 1, 2, 9);
        assertThat(tf.pad(Tensor.of(new int[] {5}), new int[][] {{2, 1}}).toIntArray()).containsExactly(0, 0, 5, 0);
        assertThat(tf.pad(Tensor.of(new boolean[] {true}), new int[][] {{1, 0}}).toBooleanArray()).containsExactly(false, true);
    }

    @Test
    void padReflectMirrorsWithoutTheEdge() {
        Tensor y = tf.pad(X, new int[][] {{1, 2}, {2, 1}}, Pad.Mode.REFLECT);
        assertThat(y.shape().dims()).containsExactly(6, 7);
        assertThat(y.toDoubleArray()).containsExactly(d(6, 5, 4, 5, 6, 7, 6, 2, 1, 0, 1, 2, 3, 2, 6, 5, 4, 5, 6, 7, 6,
                10, 9, 8, 9, 10, 11, 10, 6, 5, 4, 5, 6, 7, 6, 2, 1, 0, 1, 2, 3, 2));
    }

    @Test
    void padSymmetricMirrorsWithTheEdge() {
        Tensor y = tf.pad(X, new int[][] {{2, 3}, {0, 1}}, Pad.Mode.SYMMETRIC);
        assertThat(y.toDoubleArray()).containsExactly(d(4, 5, 6, 7, 7, 0, 1, 2, 3, 3, 0, 1, 2, 3, 3, 4, 5, 6, 7, 7,
                8, 9, 10, 11, 11, 8, 9, 10, 11, 11, 4, 5, 6, 7, 7, 0, 1, 2, 3, 3));
    }

    @Test
    void padReadsTransposedViews() {
        Tensor y = tf.pad(tf.transpose(Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3)), new int[][] {{0, 0}, {1, 1}},
                Pad.Mode.REFLECT);
        assertThat(y.toFloatArray()).containsExactly(3, 0, 3, 0, 4, 1, 4, 1, 5, 2, 5, 2);
    }

    @Test
    void padRejectsWrongPaddingsLength() {
        assertThatThrownBy(() -> tf.pad(X, new int[][] {{1, 1}}))
                .hasMessageContaining("pad").hasMessageContaining("[2, 2]").hasMessageContaining("[3, 4]");
    }

    @Test
    void padRejectsReflectPaddingAsLargeAsTheDimension() {
        assertThatThrownBy(() -> tf.pad(X, new int[][] {{3, 0}, {0, 0}}, Pad.Mode.REFLECT))
                .hasMessageContaining("pad").hasMessageContaining("REFLECT").hasMessageContaining("[3, 4]");
        assertThat(tf.pad(X, new int[][] {{3, 0}, {0, 0}}, Pad.Mode.SYMMETRIC).shape().dims()).containsExactly(6, 4);
    }

    @Test
    void sliceIsAViewAndMinusOneRunsToTheEnd() {
        Tensor s = tf.slice(X, new int[] {1, 1}, new int[] {-1, 2});
        assertThat(s.storage()).isSameAs(X.storage());
        assertThat(s.toDoubleArray()).containsExactly(d(5, 6, 9, 10));
        Tensor t = tf.slice(tf.transpose(X), new int[] {2, 0}, new int[] {1, 3});
        assertThat(t.toDoubleArray()).containsExactly(d(2, 6, 10));
    }

    @Test
    void sliceRejectsOutOfRange() {
        assertThatThrownBy(() -> tf.slice(X, new int[] {2, 0}, new int[] {2, 1}))
                .hasMessageContaining("slice").hasMessageContaining("[3, 4]");
    }

    @Test
    void stridedSliceBackwardsIsAViewWithNegativeStride() {
        // numpy: y[-1::-1, :, 1:3:2]
        Tensor s = tf.stridedSlice(Y, new int[] {-1, 0, 1}, new int[] {0, 0, 3}, new int[] {-1, 1, 2}, 0, 3, 0, 0, 0);
        assertThat(s.storage()).isSameAs(Y.storage());
        assertThat(s.shape().dims()).containsExactly(3, 4, 1);
        assertThat(s.toDoubleArray()).containsExactly(d(33, 37, 41, 45, 17, 21, 25, 29, 1, 5, 9, 13));
    }

    @Test
    void stridedSliceShrinksAndAddsAxes() {
        // numpy: y[1, None, 0:3:2]
        Tensor s = tf.stridedSlice(Y, new int[] {1, 0, 0}, new int[] {2, 0, 3}, new int[] {1, 1, 2}, 0, 0, 0, 2, 1);
        assertThat(s.shape().dims()).containsExactly(1, 2, 4);
        assertThat(s.toDoubleArray()).containsExactly(d(16, 17, 18, 19, 24, 25, 26, 27));
    }

    @Test
    void stridedSliceWithEllipsis() {
        // numpy: y[..., ::-2, 0]
        Tensor s = tf.stridedSlice(Y, new int[] {0, 0, 0}, new int[] {0, 0, 0}, new int[] {1, -2, 1}, 2, 2, 1, 0, 4);
        assertThat(s.shape().dims()).containsExactly(3, 2);
        assertThat(s.toDoubleArray()).containsExactly(d(12, 4, 28, 20, 44, 36));
    }

    @Test
    void stridedSliceOfATransposedIntView() {
        Tensor m = tf.transpose(Tensor.of(new int[] {0, 1, 2, 3, 4, 5}, 2, 3));
        Tensor s = tf.stridedSlice(m, new int[] {-1}, new int[] {-4}, new int[] {-2});
        assertThat(s.toIntArray()).containsExactly(2, 5, 0, 3);
        assertThat(tf.stridedSlice(m, new int[] {5}, new int[] {9}, new int[] {1}).shape().dims()).containsExactly(0, 2);
    }

    @Test
    void stridedSliceRejectsShrinkIndexOutOfRange() {
        assertThatThrownBy(() -> tf.stridedSlice(X, new int[] {3}, new int[] {4}, new int[] {1}, 0, 0, 0, 0, 1))
                .hasMessageContaining("strided_slice").hasMessageContaining("index 3").hasMessageContaining("size 3");
    }

    @Test
    void reverseFlipsAxes() {
        assertThat(tf.reverse(X, 1, 0).toDoubleArray()).containsExactly(d(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        assertThat(tf.reverse(Tensor.of(new String[] {"a", "b"}), 0).toStringArray()).containsExactly("b", "a");
    }

    @Test
    void stridedSliceGradScattersIntoZeros() {
        StridedSlice s = new StridedSlice(new int[] {-1}, new int[] {0}, new int[] {-2}, 0, 1, 0, 0, 0);
        Tensor g = new StridedSliceGrad(s, dev.horn.Shape.of(5)).apply(Tensor.of(new float[] {1, 2, 3}));
        assertThat(g.toFloatArray()).containsExactly(3, 0, 2, 0, 1);
    }
}
