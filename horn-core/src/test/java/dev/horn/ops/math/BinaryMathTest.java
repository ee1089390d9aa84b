package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** minimum, maximum, squared_difference, floor_div and floor_mod: values, broadcasting, ties, integers, errors. */
class BinaryMathTest {
    @Test
    void maximumAndMinimumBroadcastARowAgainstAColumn() {
        Tensor col = Tensor.of(new float[] {0, 2}, 2, 1);
        Tensor row = Tensor.of(new float[] {-1, 1, 3}, 3);
        assertThat(tf.maximum(col, row).toFloatArray()).containsExactly(0f, 1f, 3f, 2f, 2f, 3f);
        assertThat(tf.minimum(col, row).toFloatArray()).containsExactly(-1f, 0f, 0f, -1f, 1f, 2f);
        assertThat(tf.maximum(col, row).shape().dims()).containsExactly(2, 3);
    }

    @Test
    void maximumPropagatesNaNLikeTensorFlow() {
        Tensor a = Tensor.of(new float[] {Float.NaN, 1}, 2);
        Tensor b = Tensor.of(new float[] {0, Float.NaN}, 2);
        assertThat(tf.maximum(a, b).toFloatArray()).containsOnly(Float.NaN);
        assertThat(tf.minimum(a, b).toFloatArray()).containsOnly(Float.NaN);
    }

    @Test
    void float32LanesOfMaximumAgreeWithScalarsOnLargeInputs() {
        Random r = new Random(5);
        int n = 70_003;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
            b[i] = (float) r.nextGaussian();
        }
        float[] max = tf.maximum(Tensor.of(a, n), Tensor.of(b, n)).toFloatArray();
        float[] sq = tf.squaredDifference(Tensor.of(a, n), Tensor.of(b, n)).toFloatArray();
        for (int i = 0; i < n; i++) {
            assertThat(max[i]).isEqualTo(Math.max(a[i], b[i]));
            assertThat(sq[i]).isEqualTo((a[i] - b[i]) * (a[i] - b[i]));
        }
    }

    @Test
    void integerMinimumMaximumAndSquaredDifference() {
        Tensor a = Tensor.of(new long[] {Long.MAX_VALUE, -4, 7}, 3);
        Tensor b = Tensor.of(new long[] {0, -5, 7}, 3);
        assertThat(tf.maximum(a, b).toLongArray()).containsExactly(Long.MAX_VALUE, -4L, 7L);
        assertThat(tf.minimum(a, b).toLongArray()).containsExactly(0L, -5L, 7L);
        Tensor c = Tensor.of(new int[] {3, -2}, 2);
        assertThat(tf.squaredDifference(c, Tensor.scalar(1)).toIntArray()).containsExactly(4, 9);
    }

    @Test
    void maximumGivesTiesToTheFirstInputAsTensorFlow() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3);
        Tensor y = Tensor.of(new double[] {1, 5, 0}, 3);
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(x, y);
            Tensor max = tf.reduceSum(tf.maximum(x, y));
            Tensor min = tf.reduceSum(tf.minimum(x, y));
            assertThat(tape.gradient(max, x, y)[0].toDoubleArray()).containsExactly(1.0, 0.0, 1.0);
            assertThat(tape.gradient(max, x, y)[1].toDoubleArray()).containsExactly(0.0, 1.0, 0.0);
            assertThat(tape.gradient(min, x, y)[0].toDoubleArray()).containsExactly(1.0, 1.0, 0.0);
            assertThat(tape.gradient(min, x, y)[1].toDoubleArray()).containsExactly(0.0, 0.0, 1.0);
        }
    }

    @Test
    void floorDivRoundsTowardNegativeInfinity() {
        Tensor a = Tensor.of(new int[] {7, -7, 7, -7}, 4);
        Tensor b = Tensor.of(new int[] {2, 2, -2, -2}, 4);
        assertThat(tf.floorDiv(a, b).toIntArray()).containsExactly(3, -4, -4, 3);
        Tensor af = Tensor.of(new double[] {7.5, -7.5}, 2);
        assertThat(tf.floorDiv(af, Tensor.scalar(2.0)).toDoubleArray()).containsExactly(3.0, -4.0);
    }

    @Test
    void floorModTakesTheSignOfTheDivisor() {
        Tensor a = Tensor.of(new long[] {7, -7, 7, -7}, 4);
        Tensor b = Tensor.of(new long[] {3, 3, -3, -3}, 4);
        assertThat(tf.floorMod(a, b).toLongArray()).containsExactly(1L, 2L, -2L, -1L);
        Tensor af = Tensor.of(new float[] {7.5f, -7.5f, 7.5f, 6f}, 4);
        Tensor bf = Tensor.of(new float[] {2, 2, -2, 3}, 4);
        assertThat(tf.floorMod(af, bf).toFloatArray()).containsExactly(1.5f, 0.5f, -0.5f, 0f);
    }

    @Test
    void integerFloorDivisionByZeroFailsNamingTheOp() {
        Tensor a = Tensor.of(new int[] {1}, 1);
        Tensor zero = Tensor.of(new int[] {0}, 1);
        assertThatThrownBy(() -> tf.floorDiv(a, zero)).hasMessageContaining("floor_div");
        assertThatThrownBy(() -> tf.floorMod(a, zero)).hasMessageContaining("floor_mod");
    }

    @Test
    void mixedDTypesAreRejectedNamingTheOpAndBothDTypes() {
        Tensor f = Tensor.of(new float[] {1}, 1);
        Tensor d = Tensor.of(new double[] {1}, 1);
        assertThatThrownBy(() -> tf.maximum(f, d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximum").hasMessageContaining("float32").hasMessageContaining("float64");
        assertThatThrownBy(() -> tf.squaredDifference(f, d)).hasMessageContaining("squared_difference");
    }

    @Test
    void shapesThatDoNotBroadcastAreRejectedNamingBothShapes() {
        Tensor a = tf.zeros(2, 3);
        Tensor b = tf.zeros(4);
        assertThatThrownBy(() -> tf.minimum(a, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum").hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
    }
}
