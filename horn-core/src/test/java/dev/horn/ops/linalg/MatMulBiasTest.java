package dev.horn.ops.linalg;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.Parallel;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fused dense product gives the bits of matmul, add and relu run one after another, on every
 * path of the GEMM (register tiles with partial panels, several blocks of k, the split across
 * threads, the narrow transposed product, the native BLAS), and rejects bad shapes by name.
 */
class MatMulBiasTest {
    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @CsvSource({"1,1,1", "4,7,64", "5,3,65", "128,784,512", "96,784,512", "128,512,10", "33,1030,129", "64,16,200",
        "256,40,7", "3,600,1000"})
    void equalsMatmulThenBiasThenReluBitForBit(int m, int k, int n) {
        Random random = new Random(m * 131 + k * 17 + n);
        Tensor x = randomTensor(random, m, k);
        Tensor w = randomTensor(random, k, n);
        Tensor bias = randomTensor(random, n);
        for (boolean relu : new boolean[] {false, true}) {
            Tensor separate = tf.add(tf.matmul(x, w), bias);
            if (relu) {
                separate = tf.relu(separate);
            }
            Tensor want = separate;
            for (int threads = 1; threads <= Parallel.THREADS; threads++) {
                Tensor got = Parallel.withThreads(threads, () -> tf.matmulWithBias(x, w, bias, relu));
                assertThat(got.shape().dims()).containsExactly(m, n);
                assertThat(got.toFloatArray()).as("relu=%s threads=%d", relu, threads).containsExactly(want.toFloatArray());
            }
        }
    }

    @Test
    void float64AndViewsOfLargerArraysWork() {
        Tensor x = Tensor.of(new double[] {1, -2, 3, 0.5, 4, -1}).reshape(2, 3);
        Tensor w = Tensor.of(new double[] {1, 0, -1, 2, 0.5, 1}).reshape(3, 2);
        Tensor b = Tensor.of(new double[] {-10, 0.25});
        // x·w = [[1 + 2 + 1.5, 0 - 4 + 3], [0.5 - 4 - 0.5, 0 + 8 - 1]] = [[4.5, -1], [-4, 7]] (numpy agrees)
        assertThat(tf.matmulWithBias(x, w, b, false).toDoubleArray()).containsExactly(-5.5, -0.75, -14, 7.25);
        assertThat(tf.matmulWithBias(x, w, b, true).toDoubleArray()).containsExactly(0, 0, 0, 7.25);
        Tensor wide = Tensor.of(new float[] {9, 9, 1, 2, 3, 4}).reshape(3, 2);
        Tensor rows = tf.slice(wide, new int[] {1, 0}, new int[] {2, 2}); // an offset view: [[1, 2], [3, 4]]
        Tensor eye = Tensor.of(new float[] {1, 0, 0, 1}).reshape(2, 2);
        assertThat(tf.matmulWithBias(rows, eye, Tensor.of(new float[] {1, -5}), true).toFloatArray()).containsExactly(2, 0, 4, 0);
        assertThat(tf.matmulWithBias(rows, eye, Tensor.of(new float[] {1, -5}), true).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void nanAndInfinityPassThroughAsTheyDoThroughAddAndRelu() {
        Tensor x = Tensor.of(new float[] {Float.NaN, 1, 2, 3, Float.POSITIVE_INFINITY, -1, 0, 0}).reshape(4, 2);
        Tensor w = tf.ones(2, 70);
        Tensor b = tf.fill(-1, dev.horn.DType.FLOAT32, 70);
        for (boolean relu : new boolean[] {false, true}) {
            Tensor want = tf.add(tf.matmul(x, w), b);
            Tensor got = tf.matmulWithBias(x, w, b, relu);
            assertThat(got.toFloatArray()).containsExactly((relu ? tf.relu(want) : want).toFloatArray());
        }
    }

    @Test
    void badShapesNameTheOpAndTheShapes() {
        Tensor x = tf.zeros(2, 3);
        assertThatThrownBy(() -> tf.matmulWithBias(x, tf.zeros(4, 5), tf.zeros(5), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matmul_bias_relu").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
        assertThatThrownBy(() -> tf.matmulWithBias(x, tf.zeros(3, 5), tf.zeros(4), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matmul_bias: bias must have shape [5]");
        assertThatThrownBy(() -> tf.matmulWithBias(tf.zeros(2, 2, 3), tf.zeros(3, 5), tf.zeros(5), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected x [m, k]");
    }

    private static Tensor randomTensor(Random random, int... dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Tensor.of(v).reshape(dims);
    }
}
