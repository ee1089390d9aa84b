package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoolTest {
    /** Numbers from numpy: a 3x3 ramp, 2x2 windows, stride 2, SAME: edge windows average their real cells only. */
    @Test
    void sameAveragePoolDividesByTheRealCells() {
        Tensor x = tf.reshape(tf.cast(tf.range(9), DType.FLOAT32), 1, 3, 3, 1);
        assertThat(tf.avgPool2d(x, 2, 2, "SAME").toFloatArray()).containsExactly(2f, 3.5f, 6.5f, 8f);
        assertThat(tf.maxPool2d(x, 2, 2, "SAME").toFloatArray()).containsExactly(4f, 5f, 7f, 8f);
        assertThat(tf.maxPool2d(tf.neg(x), 2, 2, "SAME").toFloatArray()).containsExactly(-0f, -2f, -6f, -8f); // -(0) is -0
    }

    @ParameterizedTest(name = "{0}x{1}x{2}x{3} ksize {4}x{5} strides {6},{7} {8}")
    @CsvSource({
        "2, 7, 6, 3, 2, 2, 2, 2, VALID",
        "2, 7, 6, 3, 3, 3, 2, 2, SAME",
        "1, 9, 8, 37, 3, 2, 1, 2, SAME",
        "3, 5, 5, 16, 2, 2, 1, 1, VALID",
        "1, 4, 6, 2, 5, 5, 3, 3, SAME"
    })
    void poolingMatchesTheNaiveReference(int n, int h, int w, int c, int kh, int kw, int sh, int sw, String padding) {
        Random r = new Random(h * 7 + c);
        double[] v = new double[n * h * w * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        Tensor x = Tensor.of(v, n, h, w, c).reshape(n, h, w, c);
        int[] k = {kh, kw};
        int[] s = {sh, sw};
        boolean same = padding.equals("SAME");
        for (boolean max : new boolean[] {true, false}) {
            double[] expected = ConvReference.pool2d(max, v, new int[] {n, h, w, c}, k, s, same);
            for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                Tensor xt = tf.cast(x, dtype);
                double[] got = (max ? tf.maxPool2d(xt, k, s, padding) : tf.avgPool2d(xt, k, s, padding)).toDoubleArray();
                assertThat(got).hasSameSizeAs(expected);
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i]).as("%s %s element %d", max ? "max" : "avg", dtype, i)
                            .isCloseTo(expected[i], within(dtype == DType.FLOAT64 ? 1e-12 : 1e-5));
                }
            }
        }
    }

    /** The max-pool gradient goes to each window's first maximum, as TF's CPU kernel sends it. */
    @Test
    void maxPoolGradientGoesToTheFirstMaximumOfATie() {
        Tensor x = Tensor.of(new float[] {1, 1, 1, 1}, 1, 2, 2, 1).reshape(1, 2, 2, 1);
        Tensor dy = Tensor.of(new float[] {3}, 1, 1, 1, 1).reshape(1, 1, 1, 1);
        Window w = new Window(new int[] {2, 2}, new int[] {1, 1}, Padding.VALID);
        assertThat(new MaxPoolGrad(w, new int[] {2, 2}).apply(x, dy).toFloatArray()).containsExactly(3, 0, 0, 0);
    }

    /**
     * The vectorised float32 routing (37 channels: whole vectors and a tail) agrees with the scalar
     * float64 one: overlapping SAME windows (added into dx), 2x2 windows that partition an 8x6
     * input (each cell written once), and 2x2 windows that leave a row of a 7x6 input uncovered.
     */
    @ParameterizedTest(name = "{0}x6 input, {1}x{1} window, stride 2, {2}")
    @CsvSource({"7, 3, SAME", "8, 2, VALID", "7, 2, VALID"})
    void float32MaxPoolGradientsRouteLikeFloat64(int h, int kernel, String padding) {
        Random r = new Random(9);
        int oh = padding.equals("SAME") ? (h + 1) / 2 : (h - kernel) / 2 + 1;
        double[] xv = new double[2 * h * 6 * 37];
        double[] gv = new double[2 * oh * 3 * 37];
        for (int i = 0; i < xv.length; i++) {
            xv[i] = r.nextGaussian();
        }
        for (int i = 0; i < gv.length; i++) {
            gv[i] = r.nextGaussian();
        }
        Tensor x = Tensor.of(xv, 2, h, 6, 37).reshape(2, h, 6, 37);
        Tensor dy = Tensor.of(gv, 2, oh, 3, 37).reshape(2, oh, 3, 37);
        Window w = new Window(new int[] {2, 2}, new int[] {1, 1}, Padding.valueOf(padding));
        int[] k = {kernel, kernel};
        Tensor dx64 = new MaxPoolGrad(w, k).apply(x, dy);
        Tensor dx32 = new MaxPoolGrad(w, k).apply(tf.cast(x, DType.FLOAT32), tf.cast(dy, DType.FLOAT32));
        double[] a = dx32.toDoubleArray();
        double[] b = dx64.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("dx element %d", i).isCloseTo(b[i], within(1e-5));
        }
        Tensor gg64 = new MaxPoolGradGrad(w, k).apply(x, dx64);
        Tensor gg32 = new MaxPoolGradGrad(w, k).apply(tf.cast(x, DType.FLOAT32), dx32);
        double[] c = gg32.toDoubleArray();
        double[] d = gg64.toDoubleArray();
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("grad-grad element %d", i).isCloseTo(d[i], within(1e-5));
        }
    }
}
