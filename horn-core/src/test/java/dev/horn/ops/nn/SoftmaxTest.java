package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SoftmaxTest {
    private static final double[] SOFTMAX_123 = {0.09003057317038046, 0.24472847105479764, 0.6652409557748218};
    private static final double[] LOG_SOFTMAX_123 = {-2.4076059644443806, -1.4076059644443804, -0.4076059644443804};

    @Test
    void softmaxMatchesNumpyAndIsStableForLargeLogits() {
        Tensor z = Tensor.of(new double[] {1, 2, 3, 1000, 1001, 1002}, 2, 3);
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            double tol = dtype == DType.FLOAT64 ? 1e-14 : 1e-6;
            double[] y = tf.softmax(tf.cast(z, dtype)).toDoubleArray();
            double[] l = tf.logSoftmax(tf.cast(z, dtype)).toDoubleArray();
            for (int i = 0; i < 6; i++) {
                assertThat(y[i]).isCloseTo(SOFTMAX_123[i % 3], within(tol));
                assertThat(l[i]).isCloseTo(LOG_SOFTMAX_123[i % 3], within(tol * 10));
            }
        }
    }

    /** Rows of 37 (not a multiple of the vector length), 3000 rows: the parallel, vectorised path. */
    @Test
    void largeSoftmaxAlongEveryAxisMatchesTheNaiveReference() {
        int[] shape = {40, 75, 37};
        int size = 40 * 75 * 37;
        double[] data = new double[size];
        Random random = new Random(11);
        for (int i = 0; i < size; i++) {
            data[i] = 8 * random.nextGaussian();
        }
        Tensor x64 = Tensor.of(data, shape).reshape(shape);
        for (int axis = -3; axis < 3; axis++) {
            double[] expected = naiveSoftmax(data, shape, Math.floorMod(axis, 3), false);
            double[] expectedLog = naiveSoftmax(data, shape, Math.floorMod(axis, 3), true);
            for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                Tensor x = tf.cast(x64, dtype);
                double[] y = tf.softmax(x, axis).toDoubleArray();
                double[] l = tf.logSoftmax(x, axis).toDoubleArray();
                double tol = dtype == DType.FLOAT64 ? 1e-12 : 2e-5;
                double worst = 0;
                double worstLog = 0;
                for (int i = 0; i < size; i++) {
                    worst = Math.max(worst, Math.abs(y[i] - expected[i]));
                    worstLog = Math.max(worstLog, Math.abs(l[i] - expectedLog[i]) / Math.max(1, Math.abs(expectedLog[i])));
                }
                assertThat(worst).as("softmax %s axis %d", dtype, axis).isLessThan(tol);
                assertThat(worstLog).as("log_softmax %s axis %d", dtype, axis).isLessThan(tol);
            }
        }
    }

    /** Rows narrower than a vector (1, 3, 10 classes) take the flat-exponential path; 4000 rows run in parallel blocks. */
    @Test
    void narrowRowsMatchTheNaiveReferenceAndDoNotDependOnTheThreadCount() {
        Random random = new Random(3);
        for (int classes : new int[] {1, 3, 10}) {
            int[] shape = {4000, classes};
            double[] data = new double[4000 * classes];
            for (int i = 0; i < data.length; i++) {
                data[i] = 5 * random.nextGaussian();
            }
            Tensor x = tf.cast(Tensor.of(data, shape), DType.FLOAT32);
            for (boolean log : new boolean[] {false, true}) {
                double[] expected = naiveSoftmax(data, shape, 1, log);
                Tensor all = log ? tf.logSoftmax(x) : tf.softmax(x);
                Tensor one = dev.horn.internal.cpu.Parallel.withThreads(1, () -> log ? tf.logSoftmax(x) : tf.softmax(x));
                double[] y = all.toDoubleArray();
                for (int i = 0; i < data.length; i++) {
                    assertThat(y[i]).as("%d classes, log %s, %d", classes, log, i)
                            .isCloseTo(expected[i], within(2e-5 * Math.max(1, Math.abs(expected[i]))));
                }
                assertThat(one.toDoubleArray()).as("1 thread vs all").containsExactly(y);
            }
        }
    }

    @Test
    void softmaxOfANonContiguousViewUsesItsLogicalLayout() {
        Tensor x = Tensor.of(new double[] {1, 1000, 2, 1001, 3, 1002}, 3, 2).transpose(1, 0);
        assertThat(tf.softmax(x).toDoubleArray()).containsExactly(
                new double[] {SOFTMAX_123[0], SOFTMAX_123[1], SOFTMAX_123[2], SOFTMAX_123[0], SOFTMAX_123[1], SOFTMAX_123[2]},
                within(1e-14));
    }

    @Test
    void softmaxRejectsIntegersScalarsAndBadAxes() {
        assertThatThrownBy(() -> tf.softmax(Tensor.of(new int[] {1, 2})))
                .hasMessageContaining("softmax").hasMessageContaining("int32");
        assertThatThrownBy(() -> tf.logSoftmax(Tensor.scalar(1.0))).hasMessageContaining("log_softmax")
                .hasMessageContaining("scalar");
        assertThatThrownBy(() -> tf.softmax(tf.zeros(2, 3), 2)).hasMessageContaining("softmax")
                .hasMessageContaining("axis 2").hasMessageContaining("rank 2");
    }

    private static double[] naiveSoftmax(double[] data, int[] shape, int axis, boolean log) {
        int outer = 1;
        int inner = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int n = shape[axis];
        double[] out = new double[data.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    max = Math.max(max, data[(o * n + k) * inner + i]);
                }
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += Math.exp(data[(o * n + k) * inner + i] - max);
                }
                for (int k = 0; k < n; k++) {
                    double z = data[(o * n + k) * inner + i] - max;
                    out[(o * n + k) * inner + i] = log ? z - Math.log(sum) : Math.exp(z) / sum;
                }
            }
        }
        return out;
    }
}
