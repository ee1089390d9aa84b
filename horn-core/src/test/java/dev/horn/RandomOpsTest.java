package dev.horn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RandomOpsTest {
    private static final int N = 100_000;

    @AfterEach
    void forgetSeed() {
        Horn.clearSeed();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void globalSeedRepeatsTheSameSequenceOfTensors() {
        Horn.setSeed(42);
        Tensor a1 = tf.randomNormal(50_000);
        Tensor b1 = tf.randomUniform(7, 3);
        Horn.setSeed(42);
        Tensor a2 = tf.randomNormal(50_000);
        Tensor b2 = tf.randomUniform(7, 3);
        assertThat(a2.valuesEqual(a1)).isTrue();
        assertThat(b2.valuesEqual(b1)).isTrue();
        assertThat(b1.valuesEqual(tf.randomUniform(7, 3))).isFalse();
    }

    @Test
    void parallelGenerationEqualsOneSequentialPass() {
        Horn.setSeed(42);
        Tensor t = tf.randomNormal(new int[] {N}, 0, 1, DType.FLOAT32, 5);
        float[] sequential = new float[N];
        new dev.horn.random.PhiloxStream(42, 5, 0).normal(DType.FLOAT32, sequential, 0, N, 0, 1);
        assertThat(t.toFloatArray()).containsExactly(sequential);
    }

    @Test
    void successiveCallsUnderAGlobalSeedDiffer() {
        Horn.setSeed(42);
        assertThat(tf.randomUniform(10).valuesEqual(tf.randomUniform(10))).isFalse();
    }

    @Test
    void opSeedCallsContinueTheirStreamUntilTheGlobalSeedIsSetAgain() {
        Horn.setSeed(1234);
        Tensor a1 = tf.randomUniform(new int[] {4}, 0, 1, DType.FLOAT32, 1);
        Tensor a2 = tf.randomUniform(new int[] {4}, 0, 1, DType.FLOAT32, 1);
        assertThat(a1.valuesEqual(a2)).isFalse();
        Horn.setSeed(1234);
        assertThat(tf.randomUniform(new int[] {4}, 0, 1, DType.FLOAT32, 1).valuesEqual(a1)).isTrue();
        assertThat(tf.randomUniform(new int[] {4}, 0, 1, DType.FLOAT32, 1).valuesEqual(a2)).isTrue();
    }

    @Test
    void opSeedWithoutGlobalSeedIsReproducible() {
        Tensor a = tf.randomNormal(new int[] {5}, 0, 1, DType.FLOAT64, 7);
        Horn.clearSeed();
        assertThat(tf.randomNormal(new int[] {5}, 0, 1, DType.FLOAT64, 7).valuesEqual(a)).isTrue();
    }

    @Test
    void unseededCallsDiffer() {
        assertThat(tf.randomUniform(16).valuesEqual(tf.randomUniform(16))).isFalse();
    }

    @Test
    void uniformFloat32HasMeanHalfAndStaysInRange() {
        Horn.setSeed(3);
        double[] v = tf.randomUniform(new int[] {N}, -2, 6).toDoubleArray();
        assertThat(min(v)).isGreaterThanOrEqualTo(-2);
        assertThat(max(v)).isLessThan(6);
        assertThat(mean(v)).isCloseTo(2, within(0.05));
        assertThat(std(v)).isCloseTo(8 / Math.sqrt(12), within(0.03));
    }

    @Test
    void uniformFloat64StaysInRange() {
        Horn.setSeed(3);
        Tensor t = tf.randomUniform(new int[] {100, 1000}, 0, 1, DType.FLOAT64);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT64);
        double[] v = t.toDoubleArray();
        assertThat(min(v)).isGreaterThanOrEqualTo(0);
        assertThat(max(v)).isLessThan(1);
        assertThat(mean(v)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void uniformIntegersCoverEveryValueOfTheRange() {
        Horn.setSeed(5);
        for (DType dtype : new DType[] {DType.INT32, DType.INT64}) {
            long[] v = tf.randomUniform(new int[] {N}, -3, 4, dtype).toLongArray();
            int[] counts = new int[7];
            for (long x : v) {
                assertThat(x).isBetween(-3L, 3L);
                counts[(int) x + 3]++;
            }
            for (int c : counts) {
                assertThat(c).isBetween(N / 7 - 700, N / 7 + 700);
            }
        }
    }

    @Test
    void uniformIntegersNeedMinBelowMax() {
        assertThatThrownBy(() -> tf.randomUniform(new int[] {3}, 5, 5, DType.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random_uniform").hasMessageContaining("minval < maxval");
        assertThatThrownBy(() -> tf.randomUniform(new int[] {3}, 0.5, 5, DType.INT64))
                .hasMessageContaining("integer minval and maxval");
    }

    @Test
    void normalHasTheRequestedMeanAndStddev() {
        Horn.setSeed(11);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] v = tf.randomNormal(new int[] {N}, 3, 2, dtype).toDoubleArray();
            assertThat(mean(v)).as("%s mean", dtype).isCloseTo(3, within(0.03));
            assertThat(std(v)).as("%s std", dtype).isCloseTo(2, within(0.03));
        }
    }

    @Test
    void truncatedNormalStaysWithinTwoStddevs() {
        Horn.setSeed(12);
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            double[] v = tf.truncatedNormal(new int[] {N}, 1, 0.5, dtype).toDoubleArray();
            assertThat(min(v)).isGreaterThan(0.0);
            assertThat(max(v)).isLessThan(2.0);
            assertThat(mean(v)).isCloseTo(1, within(0.01));
            // a standard normal truncated at +-2 has stddev 0.8796
            assertThat(std(v)).isCloseTo(0.5 * 0.8796, within(0.01));
        }
    }

    @Test
    void bernoulliOnesAtRateP() {
        Horn.setSeed(13);
        double[] v = tf.randomBernoulli(new int[] {N}, 0.3).toDoubleArray();
        assertThat(java.util.Arrays.stream(v).allMatch(x -> x == 0 || x == 1)).isTrue();
        assertThat(mean(v)).isCloseTo(0.3, within(0.01));
        assertThat(tf.randomBernoulli(new int[] {100}, 1, DType.BOOL).toBooleanArray()).doesNotContain(false);
        assertThat(tf.randomBernoulli(new int[] {100}, 0, DType.INT32).toIntArray()).containsOnly(0);
        assertThatThrownBy(() -> tf.bernoulli(new int[] {2}, 1.5)).hasMessageContaining("p must be in [0, 1]");
    }

    @Test
    void randomOpsKeepShapeAndDtype() {
        Tensor t = tf.randomNormal(2, 3, 4);
        assertThat(t.shape()).isEqualTo(Shape.of(2, 3, 4));
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(tf.randomUniform(0, 3).size()).isZero();
        assertThatThrownBy(() -> tf.randomNormal(new int[] {2}, 0, 1, DType.INT32))
                .hasMessageContaining("random_normal").hasMessageContaining("int32");
    }
}
