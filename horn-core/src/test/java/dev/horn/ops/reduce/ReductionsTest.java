package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reductions, arg-reductions, cumulative sums and softmax against numpy's values. */
class ReductionsTest {
    /** numpy: np.arange(24).reshape(2, 3, 4) * 0.5 - 3 */
    private static Tensor x() {
        return tf.sub(tf.mul(tf.cast(tf.reshape(Tensor.of(java.util.stream.IntStream.range(0, 24).toArray()), 2, 3, 4),
                DType.FLOAT64), Tensor.scalar(0.5)), Tensor.scalar(3.0));
    }

    @Test
    void sumOverNonAdjacentAxes() {
        assertThat(tf.reduceSum(x(), 0, 2).toDoubleArray()).containsExactly(6, 22, 38);
    }

    @Test
    void maxMinProdVarianceStdMatchNumpy() {
        assertThat(tf.reduceMax(x(), 1).toDoubleArray()).startsWith(1, 1.5, 2, 2.5);
        assertThat(tf.reduceProd(tf.reshape(x(), 6, 4), 1).toDoubleArray()).startsWith(22.5, 0, 7.5);
        assertThat(tf.reduceVariance(x(), 0, 2).toDoubleArray()).containsExactly(9.3125, 9.3125, 9.3125);
        assertThat(tf.reduceStd(x()).item()).isCloseTo(3.4610932762158644, within(1e-12));
        assertThat(tf.reduceMin(x()).item()).isEqualTo(-3);
    }

    @Test
    void keepDimsKeepsReducedAxesAsOnes() {
        assertThat(tf.reduceMean(x(), new int[] {1}, true).shape().dims()).containsExactly(2, 1, 4);
        assertThat(tf.reduceSum(x(), new int[0], true).shape().dims()).containsExactly(1, 1, 1);
    }

    @Test
    void float32PathsAgreeWithFloat64OnLargeInputs() {
        Random random = new Random(3);
        double[] v = new double[300 * 1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        Tensor d = tf.reshape(Tensor.of(v), 300, 1001);
        Tensor f = tf.cast(d, DType.FLOAT32);
        for (int axis = 0; axis < 2; axis++) {
            assertThat(tf.reduceSum(f, axis).toDoubleArray()).containsExactly(tf.reduceSum(d, axis).toDoubleArray(), within(1e-3));
            assertThat(tf.reduceMax(f, axis).toDoubleArray()).containsExactly(tf.reduceMax(d, axis).toDoubleArray(), within(1e-6));
            assertThat(tf.reduceMin(f, axis).toDoubleArray()).containsExactly(tf.reduceMin(d, axis).toDoubleArray(), within(1e-6));
        }
    }

    @Test
    void integerReductionsStayIntegers() {
        Tensor i = Tensor.of(new int[] {3, -1, 7, 2}).reshape(2, 2);
        assertThat(tf.reduceSum(i, 1).toIntArray()).containsExactly(2, 9);
        assertThat(tf.reduceMax(i, 0).toIntArray()).containsExactly(7, 2);
        assertThat(tf.reduceProd(i).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void maxGradientIsSharedAmongTies() {
        Tensor v = Tensor.of(new double[] {1, 3, 3});
        dev.horn.autodiff.GradientTape tape = new dev.horn.autodiff.GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(v);
            y = tf.reduceMax(v);
        }
        assertThat(tape.gradient(y, v).toDoubleArray()).containsExactly(0, 0.5, 0.5);
    }

    @Test
    void argmaxTakesTheFirstOfTiesAndIsInt64() {
        Tensor v = Tensor.of(new float[] {1, 5, 5, 0, 9, 2}).reshape(2, 3);
        Tensor am = tf.argmax(v, 1);
        assertThat(am.dtype()).isEqualTo(DType.INT64);
        assertThat(am.toLongArray()).containsExactly(1, 1);
        assertThat(tf.argmin(v, 0, DType.INT32).toIntArray()).containsExactly(1, 0, 1);
    }

    @Test
    void cumsumVariantsMatchNumpy() {
        Tensor v = Tensor.of(new double[] {1, 2, 3, 4});
        assertThat(tf.cumsum(v, 0).toDoubleArray()).containsExactly(1, 3, 6, 10);
        assertThat(tf.cumsum(v, 0, true, false).toDoubleArray()).containsExactly(0, 1, 3, 6);
        assertThat(tf.cumsum(v, 0, false, true).toDoubleArray()).containsExactly(10, 9, 7, 4);
        assertThat(tf.cumsum(v, 0, true, true).toDoubleArray()).containsExactly(9, 7, 4, 0);
    }

    @Test
    void softmaxIsStableForHugeLogitsAndMatchesNumpy() {
        Tensor l = Tensor.of(new double[][] {{1, 2, 3}, {1000, 1000, 0}});
        assertThat(tf.softmax(l).toDoubleArray()).containsExactly(
                new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748218, 0.5, 0.5, 0}, within(1e-15));
        float[] f = tf.softmax(tf.cast(l, DType.FLOAT32)).toFloatArray();
        assertThat(f[3]).isEqualTo(0.5f);
        assertThat(tf.exp(tf.logSoftmax(l)).toDoubleArray()).containsExactly(tf.softmax(l).toDoubleArray(), within(1e-12));
    }

    @Test
    void logSumExpHandlesMinusInfinityRows() {
        Tensor l = Tensor.of(new double[][] {{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, {0, 0}});
        double[] r = tf.reduceLogSumExp(l, 1).toDoubleArray();
        assertThat(r[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r[1]).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void badAxisNamesTheOpTheAxisAndTheRank() {
        assertThatThrownBy(() -> tf.reduceMax(tf.zeros(2, 3), -3))
                .hasMessage("reduce_max: axis -3 is out of range for a tensor of rank 2 (valid: -2..1)");
        assertThatThrownBy(() -> tf.argmax(tf.zeros(2, 3), 2)).hasMessageContaining("argmax: axis 2 is out of range");
        assertThatThrownBy(() -> tf.reduceSum(tf.zeros(2, 3), 1, 1)).hasMessageContaining("axis 1 is repeated");
    }
}
