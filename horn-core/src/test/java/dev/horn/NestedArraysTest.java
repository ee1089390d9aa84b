package dev.horn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NestedArraysTest {
    @Test
    void everyDtypeFromItsJavaArray() {
        assertThat(Tensor.of((Object) new float[][] {{1, 2}}).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of((Object) new double[][] {{1, 2}}).toDoubleArray()).containsExactly(1, 2);
        assertThat(Tensor.of((Object) new int[][] {{1}, {2}}).toIntArray()).containsExactly(1, 2);
        assertThat(Tensor.of((Object) new long[][] {{Long.MAX_VALUE}}).toLongArray()).containsExactly(Long.MAX_VALUE);
        assertThat(Tensor.of((Object) new boolean[][] {{true, false}}).toBooleanArray()).containsExactly(true, false);
        Tensor s = Tensor.of((Object) new String[][] {{"a", "b"}, {"c", "d"}});
        assertThat(s.dtype()).isEqualTo(DType.STRING);
        assertThat(s.toStringArray()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void boxedScalarIsRankZero() {
        assertThat(Tensor.of((Object) 3.5f).shape()).isEqualTo(Shape.scalar());
        assertThat(Tensor.of((Object) 3.5f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of((Object) 2.0).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensor.of((Object) 7).item()).isEqualTo(7);
        assertThat(Tensor.of((Object) 7L).dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.of((Object) true).dtype()).isEqualTo(DType.BOOL);
        assertThat(Tensor.of((Object) "x").toString()).isEqualTo("tf.Tensor(b'x', shape=(), dtype=string)");
    }

    @Test
    void ranksOneToFourKeepTheirNesting() {
        assertThat(Tensor.of((Object) new float[] {1, 2, 3}).shape()).isEqualTo(Shape.of(3));
        assertThat(Tensor.of((Object) new float[][] {{1, 2, 3}, {4, 5, 6}}).shape()).isEqualTo(Shape.of(2, 3));
        Tensor r3 = Tensor.of((Object) new int[][][] {{{1, 2}}, {{3, 4}}, {{5, 6}}});
        assertThat(r3.shape()).isEqualTo(Shape.of(3, 1, 2));
        assertThat(r3.toIntArray()).containsExactly(1, 2, 3, 4, 5, 6);
        Tensor r4 = Tensor.of((Object) new double[][][][] {{{{1}, {2}}, {{3}, {4}}}});
        assertThat(r4.shape()).isEqualTo(Shape.of(1, 2, 2, 1));
        assertThat(r4.getDouble(0, 1, 0, 0)).isEqualTo(3);
    }

    @Test
    void emptyArraysKeepTheirRank() {
        assertThat(Tensor.of((Object) new float[0]).shape()).isEqualTo(Shape.of(0));
        assertThat(Tensor.of((Object) new float[0][3]).shape()).isEqualTo(Shape.of(0, 0));
        assertThat(Tensor.of((Object) new int[2][0]).shape()).isEqualTo(Shape.of(2, 0));
        assertThat(Tensor.of((Object) new String[0][]).dtype()).isEqualTo(DType.STRING);
        assertThat(Tensor.of((Object) new long[1][0][5]).shape()).isEqualTo(Shape.of(1, 0, 0));
    }

    @Test
    void raggedArrayNamesTheRow() {
        assertThatThrownBy(() -> Tensor.of((Object) new float[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged")
                .hasMessageContaining("row [1] has 1 elements but the first row at depth 1 has 2");
        assertThatThrownBy(() -> Tensor.of((Object) new int[][][] {{{1}, {2}}, {{3}}}))
                .hasMessageContaining("row [1] has 1 elements but the first row at depth 1 has 2");
        assertThatThrownBy(() -> Tensor.of((Object) new int[][][] {{{1, 2}}, {{3}}}))
                .hasMessageContaining("row [1][0] has 1 elements");
    }

    @Test
    void nullsAndUnsupportedTypesAreRejected() {
        assertThatThrownBy(() -> Tensor.of((Object) new float[][] {{1}, null})).hasMessageContaining("null row at [1]");
        assertThatThrownBy(() -> Tensor.of((Object) new String[] {"a", null})).hasMessageContaining("null string");
        assertThatThrownBy(() -> Tensor.of((Object) new Integer[] {1})).hasMessageContaining("unsupported element type Integer");
        assertThatThrownBy(() -> Tensor.of((Object) new Object())).hasMessageContaining("got Object");
        assertThatThrownBy(() -> Tensor.of((Object) null)).hasMessageContaining("got null");
    }
}
