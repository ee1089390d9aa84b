package dev.horn;

import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** Printing as TensorFlow does; the expected bodies are numpy's own output (str(np.array(...))). */
class TensorFormatTest {
    @Test
    void vector() {
        assertThat(Tensor.of(new float[] {1, 2, 3})).hasToString("tf.Tensor([1. 2. 3.], shape=(3,), dtype=float32)");
    }

    @Test
    void matrixRowsOnTheirOwnLines() {
        assertThat(Tensor.of(new float[][] {{1, 2}, {3, 4}}))
                .hasToString("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)");
    }

    @Test
    void fractionsShareALayout() {
        assertThat(TensorFormat.values(Tensor.of(new float[] {0.5f, 0.25f, -1.125f}))).isEqualTo("[ 0.5    0.25  -1.125]");
        assertThat(TensorFormat.values(Tensor.of(new float[] {1 / 3f, 2 / 3f}))).isEqualTo("[0.33333334 0.6666667 ]");
    }

    @Test
    void smallOrSpreadValuesGoScientific() {
        assertThat(TensorFormat.values(Tensor.of(new float[] {1e-5f, 1}))).isEqualTo("[1.e-05 1.e+00]");
    }

    @Test
    void largeTensorsAreSummarised() {
        assertThat(TensorFormat.values(tf.range(0.0, 2000.0, 1.0, DType.FLOAT32)))
                .isEqualTo("[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]");
    }

    @Test
    void integersAlignRight() {
        assertThat(TensorFormat.values(Tensor.of(new int[][] {{1, -20}, {300, 4}}))).isEqualTo("[[  1 -20]\n [300   4]]");
    }

    @Test
    void booleansNaNAndInfinity() {
        assertThat(TensorFormat.values(Tensor.of(new boolean[] {true, false}))).isEqualTo("[ True False]");
        assertThat(TensorFormat.values(Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -1.5f}))).isEqualTo("[ nan  inf -1.5]");
    }

    @Test
    void scalarsAndBlocksOfRankThree() {
        assertThat(Tensor.scalar(3.5f)).hasToString("tf.Tensor(3.5, shape=(), dtype=float32)");
        assertThat(TensorFormat.values(tf.reshape(tf.range(0.0, 8.0, 1.0, DType.FLOAT32), 2, 2, 2)))
                .isEqualTo("[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]");
    }

    @Test
    void stridedViewsPrintTheirOwnOrder() {
        assertThat(TensorFormat.values(Tensor.of(new int[][] {{1, 2}, {3, 4}}).transpose())).isEqualTo("[[1 3]\n [2 4]]");
    }

    @Test
    void stringsPrintAsBytes() {
        assertThat(Tensor.of(new String[] {"a", "bc"})).hasToString("tf.Tensor([b'a' b'bc'], shape=(2,), dtype=string)");
        assertThat(TensorFormat.values(Tensor.of(new String[][] {{"a"}, {"bcd"}}))).isEqualTo("[[b'a']\n [b'bcd']]");
    }
}
