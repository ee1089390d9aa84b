package dev.horn.ops.nn;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SoftmaxCrossEntropyWithLogitsTest {
    /**
     * numpy: z = [[1, 2, 3], [1000, 1001, 1002], [-5, 0, 5]], y = [[0, 0, 1], [0.2, 0.3, 0.5], [1, 0, 0]];
     * (y * -(z - z.max(1, keepdims=True) - log(exp(z - z.max(1, keepdims=True)).sum(1, keepdims=True)))).sum(1).
     */
    private static final double[] EXPECTED = {0.4076059644443804, 1.1076059644443805, 10.00676044354712};

    @Test
    void matchesNumpyForOneHotSoftAndHugeLogits() {
        Tensor z = Tensor.of(new double[] {1, 2, 3, 1000, 1001, 1002, -5, 0, 5}, 3, 3);
        Tensor y = Tensor.of(new double[] {0, 0, 1, 0.2, 0.3, 0.5, 1, 0, 0}, 3, 3);
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            double tol = dtype == DType.FLOAT64 ? 1e-12 : 2e-6;
            double[] loss = tf.softmaxCrossEntropyWithLogits(tf.cast(y, dtype), tf.cast(z, dtype)).toDoubleArray();
            assertThat(loss).as("%s", dtype).containsExactly(EXPECTED, within(tol * 10));
        }
    }

    /** Rows of 10 (one masked vector) and of 37 (a vector and a masked one), many rows: the parallel path. */
    @Test
    void agreesWithLogSoftmaxForEveryRowWidth() {
        Random random = new Random(5);
        for (int classes : new int[] {1, 10, 16, 37}) {
            int rows = 4000;
            double[] z = new double[rows * classes];
            double[] y = new double[rows * classes];
            for (int i = 0; i < z.length; i++) {
                z[i] = 6 * random.nextGaussian();
                y[i] = random.nextDouble();
            }
            Tensor logits = tf.cast(Tensor.of(z, rows, classes), DType.FLOAT32);
            Tensor labels = tf.cast(Tensor.of(y, rows, classes), DType.FLOAT32);
            double[] got = tf.softmaxCrossEntropyWithLogits(labels, logits).toDoubleArray();
            double[] want = tf.neg(tf.reduceSum(tf.mul(tf.cast(labels, DType.FLOAT64),
                    tf.logSoftmax(tf.cast(logits, DType.FLOAT64))), new int[] {-1}, false)).toDoubleArray();
            assertThat(got).hasSize(rows);
            for (int r = 0; r < rows; r++) {
                assertThat(got[r]).as("%d classes, row %d", classes, r).isCloseTo(want[r], within(1e-5 * Math.max(1, Math.abs(want[r]))));
            }
        }
    }

    @Test
    void keepsLeadingAxesAndRejectsMismatchedShapes() {
        Tensor loss = tf.softmaxCrossEntropyWithLogits(tf.ones(2, 3, 4), tf.zeros(2, 3, 4));
        assertThat(loss.shape().dims()).containsExactly(2, 3);
        for (double v : loss.toDoubleArray()) {
            assertThat(v).isCloseTo(4 * Math.log(4), within(1e-6)); // float32 ones
        }
        assertThatThrownBy(() -> tf.softmaxCrossEntropyWithLogits(tf.ones(2, 4), tf.zeros(2, 3)))
                .hasMessageContaining("softmax_cross_entropy_with_logits").hasMessageContaining("[2, 3]")
                .hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> tf.softmaxCrossEntropyWithLogits(Tensor.scalar(1.0), Tensor.scalar(1.0)))
                .hasMessageContaining("scalar");
    }
}
