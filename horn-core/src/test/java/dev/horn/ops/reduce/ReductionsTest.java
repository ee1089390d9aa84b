package dev.horn.ops.reduce;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReductionsTest {
    enum Kind {
        SUM(0, Double::sum), MAX(Double.NEGATIVE_INFINITY, Math::max), MIN(Double.POSITIVE_INFINITY, Math::min),
        PROD(1, (a, b) -> a * b), MEAN(0, Double::sum);

        final double identity;
        final DoubleBinaryOperator op;

        Kind(double identity, DoubleBinaryOperator op) {
            this.identity = identity;
            this.op = op;
        }

        Tensor apply(Tensor x, int[] axes, boolean keepDims) {
            return switch (this) {
                case SUM -> tf.reduceSum(x, axes, keepDims);
                case MAX -> tf.reduceMax(x, axes, keepDims);
                case MIN -> tf.reduceMin(x, axes, keepDims);
                case PROD -> tf.reduceProd(x, axes, keepDims);
                case MEAN -> tf.reduceMean(x, axes, keepDims);
            };
        }
    }

    static Stream<Arguments> cases() {
        int[][] shapes = {{5, 7, 3}, {4, 1, 6, 5}, {17}, {3, 0, 4}, {2, 33, 19}};
        int[][][] axesFor = {
            {{}, {0}, {1}, {2}, {-1}, {0, 2}, {2, 0}, {0, 1}},
            {{}, {1}, {0, 3}, {1, 3}, {0, 2, 3}, {-2}},
            {{}, {0}, {-1}},
            {{}, {1}, {0, 2}},
            {{1}, {0, 2}, {2}}};
        List<Arguments> out = new ArrayList<>();
        for (int s = 0; s < shapes.length; s++) {
            for (int[] axes : axesFor[s]) {
                for (Kind kind : Kind.values()) {
                    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64}) {
                        out.add(Arguments.of(kind, dtype, shapes[s], axes));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} axes {3}")
    @MethodSource("cases")
    void reductionMatchesNaiveDoubleReference(Kind kind, DType dtype, int[] shape, int[] axes) {
        Random random = new Random(42);
        int size = Shape.of(shape).size();
        double[] data = new double[size];
        for (int i = 0; i < size; i++) {
            data[i] = dtype.isFloating() ? 0.5 + random.nextDouble() : random.nextInt(7) - 3;
        }
        Tensor x = tf.cast(Tensor.of(data, shape).reshape(shape), dtype);
        double[] expected = NaiveReduce.reduce(data, shape, axes, kind.identity, kind.op);
        int count = NaiveReduce.count(shape, axes);
        for (boolean keepDims : new boolean[] {false, true}) {
            Tensor y = kind.apply(x, axes, keepDims);
            assertThat(y.dtype()).isEqualTo(dtype);
            assertThat(y.size()).isEqualTo(expected.length);
            for (int i = 0; i < expected.length; i++) {
                double e = expected[i];
                if (kind == Kind.MEAN) {
                    e = dtype.isFloating() ? e / count : (count == 0 ? 0 : (long) e / count);
                }
                if (!dtype.isFloating() && Double.isInfinite(e)) {
                    e = e > 0 ? (dtype == DType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE)
                            : (dtype == DType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
                }
                if (!Double.isFinite(e)) {
                    assertThat(y.getDouble(i)).as("%s element %d keepdims=%s", kind, i, keepDims).isEqualTo(Double.valueOf(e));
                    continue;
                }
                double tolerance = dtype == DType.FLOAT32 ? 1e-5 * Math.max(1, Math.abs(e)) : 1e-12 * Math.max(1, Math.abs(e));
                assertThat(y.getDouble(i)).as("%s element %d keepdims=%s", kind, i, keepDims).isCloseTo(e, within(tolerance));
            }
            if (keepDims) {
                assertThat(y.rank()).isEqualTo(shape.length);
            }
        }
    }

    @Test
    void largeFloat32ReductionsTakeTheParallelPathAndMatchTheReference() {
        int[] shape = {301, 417};
        Random random = new Random(7);
        double[] data = new double[301 * 417];
        for (int i = 0; i < data.length; i++) {
            data[i] = 0.999 + 0.002 * random.nextDouble();
        }
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = tf.cast(Tensor.of(data, shape).reshape(shape), dtype);
            for (int axis = 0; axis < 2; axis++) {
                for (Kind kind : new Kind[] {Kind.SUM, Kind.MAX, Kind.MIN, Kind.PROD}) {
                    double[] expected = NaiveReduce.reduce(data, shape, new int[] {axis}, kind.identity, kind.op);
                    Tensor y = kind.apply(x, new int[] {axis}, false);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(y.getDouble(i)).isCloseTo(expected[i], within(1e-4 * Math.abs(expected[i])));
                    }
                }
            }
        }
    }

    @Test
    void int32SumWrapsAndInt64MaxIsExactBeyondDoublePrecision() {
        assertThat(tf.reduceSum(Tensor.of(new int[] {Integer.MAX_VALUE, 1})).item()).isEqualTo(Integer.MIN_VALUE);
        long big = (1L << 60) + 1;
        Tensor y = tf.reduceMax(Tensor.of(new long[] {big - 2, big, big - 1}));
        assertThat(((long[]) y.compact().storage())[0]).isEqualTo(big);
        Tensor p = tf.reduceProd(Tensor.of(new long[] {3, big}));
        assertThat(((long[]) p.compact().storage())[0]).isEqualTo(3 * big);
    }

    @Test
    void emptyReductionsGiveTheIdentity() {
        Tensor empty = tf.zeros(DType.FLOAT32, 2, 0);
        assertThat(tf.reduceMax(empty, 1).toDoubleArray()).containsExactly(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(tf.reduceProd(empty, 1).toDoubleArray()).containsExactly(1, 1);
        assertThat(tf.reduceMin(tf.zeros(DType.INT32, 0), 0).item()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void maxGradientIsSplitEvenlyAmongTies() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 2, 5, 0}, 2, 3);
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = tf.reduceMax(x, 1);
            g = tape.gradient(y, x);
        }
        assertThat(g.toDoubleArray()).containsExactly(0, 0.5, 0.5, 0, 1, 0);
    }

    @Test
    void prodGradientThroughZerosIsTheProductOfTheOthers() {
        Tensor x = Tensor.of(new double[] {2, 0, 3, 0, 4, 0}, 2, 3);
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            g = tape.gradient(tf.reduceProd(x, 1), x);
        }
        assertThat(g.toDoubleArray()).containsExactly(0, 6, 0, 0, 0, 0);
    }

    @Test
    void varianceStdAndLogsumexpMatchNumpy() {
        Tensor x = Tensor.of(new double[] {1, 2, 4, 3, -1, 0.5}, 2, 3);
        assertThat(tf.reduceVariance(x, 0).toDoubleArray()).containsExactly(new double[] {1.0, 2.25, 3.0625}, within(1e-12));
        assertThat(tf.reduceStd(x, 1).toDoubleArray())
                .containsExactly(new double[] {1.247219128924647, 1.6499158227686108}, within(1e-12));
        assertThat(tf.reduceVariance(x).item()).isCloseTo(2.701388888888889, within(1e-12));
        assertThat(tf.reduceLogsumexp(x, 1).toDoubleArray())
                .containsExactly(new double[] {4.169846019556286, 3.0956743294143823}, within(1e-12));
        assertThat(tf.reduceLogsumexp(tf.cast(x, DType.FLOAT32)).item()).isCloseTo(4.463694470291293, within(1e-5));
        assertThat(tf.reduceLogsumexp(x, new int[] {1}, true).shape()).isEqualTo(Shape.of(2, 1));
    }

    @Test
    void logsumexpIsStableForLargeAndInfiniteInputs() {
        Tensor x = Tensor.of(new float[] {1000, 1000, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 2, 2);
        double[] y = tf.reduceLogsumexp(x, 1).toDoubleArray();
        assertThat(y[0]).isCloseTo(1000 + Math.log(2), within(1e-3));
        assertThat(y[1]).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void cumsumAndCumprodMatchNumpy() {
        Tensor x = Tensor.of(new double[] {1, 2, 4, 3, -1, 0.5}, 2, 3);
        assertThat(tf.cumsum(x, 1).toDoubleArray()).containsExactly(1, 3, 7, 3, 2, 2.5);
        assertThat(tf.cumsum(x, -1, false, true).toDoubleArray()).containsExactly(7, 6, 4, 2.5, -0.5, 0.5);
        assertThat(tf.cumsum(x, 1, true, false).toDoubleArray()).containsExactly(0, 1, 3, 0, 3, 2);
        assertThat(tf.cumsum(x, 1, true, true).toDoubleArray()).containsExactly(6, 4, 0, -0.5, 0.5, 0);
        assertThat(tf.cumprod(x, 0).toDoubleArray()).containsExactly(1, 2, 4, 3, -2, 2);
        assertThat(tf.cumsum(Tensor.of(new int[] {1, 2, 3}), 0).toIntArray()).containsExactly(1, 3, 6);
        assertThat(tf.cumsum(tf.cast(x, DType.FLOAT32), 0).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void largeCumsumMatchesTheRunningSum() {
        int n = 120_003;
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = (i % 13) - 6;
        }
        Tensor y = tf.cumsum(Tensor.of(data, 3, n / 3).reshape(3, n / 3), 1);
        double[] r = y.toDoubleArray();
        double running = 0;
        for (int i = 0; i < n; i++) {
            running = i % (n / 3) == 0 ? data[i] : running + data[i];
            assertThat(r[i]).isEqualTo(running);
        }
    }

    @Test
    void argmaxGivesTheFirstIndexOnTiesAsInt64() {
        Tensor x = Tensor.of(new float[] {1, 5, 5, 2, 0, 0, -1, 0}, 2, 4);
        Tensor a = tf.argmax(x, 1);
        assertThat(a.dtype()).isEqualTo(DType.INT64);
        assertThat(a.toLongArray()).containsExactly(1, 0);
        assertThat(tf.argmin(x, -1).toLongArray()).containsExactly(0, 2);
        assertThat(tf.argmax(x, 0, DType.INT32).toIntArray()).containsExactly(0, 0, 0, 0);
        assertThat(tf.argmin(Tensor.of(new long[] {7, 3, 3, 9}), 0).toLongArray()).containsExactly(1);
        assertThat(tf.argmax(Tensor.of(new int[] {4, 9, 9}), 0).dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void argmaxOfALargeTensorAlongAMiddleAxis() {
        int[] shape = {7, 131, 150};
        int size = 7 * 131 * 150;
        double[] data = new double[size];
        Random random = new Random(3);
        for (int i = 0; i < size; i++) {
            data[i] = random.nextInt(50);
        }
        long[] got = tf.argmax(Tensor.of(data, shape).reshape(shape), 1).toLongArray();
        for (int o = 0; o < 7; o++) {
            for (int i = 0; i < 150; i++) {
                int best = 0;
                for (int k = 1; k < 131; k++) {
                    if (data[(o * 131 + k) * 150 + i] > data[(o * 131 + best) * 150 + i]) {
                        best = k;
                    }
                }
                assertThat(got[o * 150 + i]).isEqualTo(best);
            }
        }
    }

    @Test
    void reduceAllAndAnyOverAxes() {
        Tensor b = Tensor.of(new boolean[] {true, false, true, true, true, true}, 2, 3);
        assertThat(tf.reduceAll(b, 1).toBooleanArray()).containsExactly(false, true);
        assertThat(tf.reduceAny(b, 0).toBooleanArray()).containsExactly(true, true, true);
        assertThat(tf.reduceAll(b).toBooleanArray()).containsExactly(false);
        assertThat(tf.reduceAny(b, new int[] {1}, true).shape()).isEqualTo(Shape.of(2, 1));
        assertThatThrownBy(() -> tf.reduceAll(Tensor.of(new float[] {1}))).hasMessageContaining("reduce_all");
    }

    @Test
    void badAxisNamesTheOpTheAxisAndTheRank() {
        Tensor x = tf.zeros(2, 3);
        assertThatThrownBy(() -> tf.reduceMax(x, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reduce_max").hasMessageContaining("axis 2").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> tf.reduceProd(x, -3)).hasMessageContaining("reduce_prod").hasMessageContaining("axis -3");
        assertThatThrownBy(() -> tf.argmax(x, 5)).hasMessageContaining("argmax").hasMessageContaining("axis 5")
                .hasMessageContaining("rank 2");
        assertThatThrownBy(() -> tf.cumsum(x, 2)).hasMessageContaining("cumsum").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> tf.reduceMin(x, 0, 0)).hasMessageContaining("reduce_min").hasMessageContaining("repeated");
        assertThatThrownBy(() -> tf.argmin(x, 0, DType.FLOAT32)).hasMessageContaining("output_type");
        assertThatThrownBy(() -> tf.argmax(tf.zeros(2, 0), 1)).hasMessageContaining("argmax").hasMessageContaining("empty");
    }
}
