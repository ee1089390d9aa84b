package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Element-wise math: float32 vector lanes against the float64 rule, values from numpy, integers, NaN. */
class ElementwiseMathTest {
    static Stream<Arguments> unaryOps() {
        return Stream.of(
                Arguments.of("exp", (UnaryOperator<Tensor>) tf::exp, -10.0, 10.0),
                Arguments.of("log", (UnaryOperator<Tensor>) tf::log, 0.01, 100.0),
                Arguments.of("sqrt", (UnaryOperator<Tensor>) tf::sqrt, 0.0, 100.0),
                Arguments.of("rsqrt", (UnaryOperator<Tensor>) tf::rsqrt, 0.01, 100.0),
                Arguments.of("abs", (UnaryOperator<Tensor>) tf::abs, -5.0, 5.0),
                Arguments.of("square", (UnaryOperator<Tensor>) tf::square, -5.0, 5.0),
                Arguments.of("log1p", (UnaryOperator<Tensor>) tf::log1p, -0.9, 10.0),
                Arguments.of("expm1", (UnaryOperator<Tensor>) tf::expm1, -5.0, 5.0),
                Arguments.of("sin", (UnaryOperator<Tensor>) tf::sin, -10.0, 10.0),
                Arguments.of("cos", (UnaryOperator<Tensor>) tf::cos, -10.0, 10.0),
                Arguments.of("tanh", (UnaryOperator<Tensor>) tf::tanh, -10.0, 10.0),
                Arguments.of("sigmoid", (UnaryOperator<Tensor>) tf::sigmoid, -90.0, 90.0),
                Arguments.of("relu", (UnaryOperator<Tensor>) tf::relu, -5.0, 5.0),
                Arguments.of("elu", (UnaryOperator<Tensor>) tf::elu, -5.0, 5.0),
                Arguments.of("selu", (UnaryOperator<Tensor>) tf::selu, -5.0, 5.0),
                Arguments.of("softplus", (UnaryOperator<Tensor>) tf::softplus, -90.0, 90.0),
                Arguments.of("softsign", (UnaryOperator<Tensor>) tf::softsign, -5.0, 5.0),
                Arguments.of("gelu", (UnaryOperator<Tensor>) tf::gelu, -6.0, 6.0),
                Arguments.of("gelu approximate", (UnaryOperator<Tensor>) x -> tf.gelu(x, true), -6.0, 6.0),
                Arguments.of("leaky_relu", (UnaryOperator<Tensor>) tf::leakyRelu, -5.0, 5.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void float32LanesMatchTheFloat64Rule(String name, UnaryOperator<Tensor> op, double low, double high) {
        int n = 70_001; // not a multiple of the vector length, and large enough to run in parallel
        Random random = new Random(name.hashCode());
        float[] v = new float[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (low + (high - low) * random.nextDouble());
            d[i] = v[i];
        }
        float[] got = op.apply(Tensor.of(v)).toFloatArray();
        double[] want = op.apply(Tensor.of(d)).toDoubleArray();
        for (int i = 0; i < n; i++) {
            assertThat((double) got[i]).as("%s(%s)", name, v[i]).isCloseTo(want[i], within(2e-6 * Math.max(1, Math.abs(want[i]))));
        }
    }

    @Test
    void valuesMatchNumpy() {
        Tensor x = Tensor.of(new double[] {-3, -0.5, 0, 0.25, 2});
        assertThat(tf.erf(x).toDoubleArray()).containsExactly(
                new double[] {-0.9999779095030014, -0.5204998778130465, 0.0, 0.2763263901682369, 0.9953222650189527}, within(1e-15));
        assertThat(tf.gelu(x).toDoubleArray()).containsExactly(
                new double[] {-0.00404969409489031, -0.15426876936299344, 0.0, 0.14967658142073093, 1.9544997361036416}, within(1e-15));
        assertThat(tf.selu(x).toDoubleArray()).containsExactly(
                new double[] {-1.6705687287671118, -0.6917581878028713, 0.0, 0.2626752468388701, 2.101401974710961}, within(1e-15));
        assertThat(tf.softplus(x).toDoubleArray()).containsExactly(
                new double[] {0.04858735157374206, 0.4740769841801067, 0.6931471805599453, 0.8259394198788436, 2.1269280110429727}, within(1e-15));
    }

    @Test
    void sigmoidAndSoftplusSaturateWithoutOverflow() {
        Tensor x = Tensor.of(new float[] {-1000, 1000});
        assertThat(tf.sigmoid(x).toFloatArray()).containsExactly(0f, 1f);
        assertThat(tf.softplus(x).toFloatArray()).containsExactly(0f, 1000f);
    }

    @Test
    void reluOfNegativeIsZeroAndNaNPropagates() {
        Tensor x = Tensor.of(new float[] {-2, 0, 3, Float.NaN});
        float[] r = tf.relu(x).toFloatArray();
        assertThat(r[0]).isEqualTo(0f);
        assertThat(r[2]).isEqualTo(3f);
        assertThat(r[3]).isNaN();
    }

    @Test
    void integerOpsStayIntegers() {
        Tensor a = Tensor.of(new int[] {-3, 0, 4});
        assertThat(tf.abs(a).toIntArray()).containsExactly(3, 0, 4);
        assertThat(tf.sign(a).toIntArray()).containsExactly(-1, 0, 1);
        assertThat(tf.square(a).dtype()).isEqualTo(DType.INT32);
        assertThat(tf.maximum(a, Tensor.scalar(1)).toIntArray()).containsExactly(1, 1, 4);
        assertThat(tf.div(Tensor.of(new long[] {7, -7}), Tensor.scalar(2L)).toLongArray()).containsExactly(3, -3);
    }

    @Test
    void maximumAndMinimumPropagateNaN() {
        Tensor a = Tensor.of(new float[] {1, Float.NaN});
        Tensor b = Tensor.of(new float[] {Float.NaN, 2});
        assertThat(tf.maximum(a, b).toFloatArray()).containsOnly(Float.NaN);
        assertThat(tf.minimum(a, b).toFloatArray()).containsOnly(Float.NaN);
    }

    @Test
    void comparisonsGiveBooleansAndNaNComparesFalse() {
        Tensor a = Tensor.of(new float[] {1, 2, Float.NaN});
        Tensor b = Tensor.of(new float[] {2, 2, Float.NaN});
        assertThat(tf.less(a, b).toBooleanArray()).containsExactly(true, false, false);
        assertThat(tf.lessEqual(a, b).toBooleanArray()).containsExactly(true, true, false);
        assertThat(tf.greaterEqual(a, b).toBooleanArray()).containsExactly(false, true, false);
        assertThat(tf.equal(a, b).toBooleanArray()).containsExactly(false, true, false);
        assertThat(tf.notEqual(a, b).toBooleanArray()).containsExactly(true, false, true);
        assertThat(tf.greater(Tensor.of(new long[] {Long.MAX_VALUE}), Tensor.of(new long[] {Long.MAX_VALUE - 1})).toBooleanArray())
                .containsExactly(true);
    }

    @Test
    void logicalOpsFollowTheirTruthTablesWithBroadcasting() {
        Tensor a = Tensor.of(new boolean[] {true, true, false, false}).reshape(2, 2);
        Tensor b = Tensor.of(new boolean[] {true, false});
        assertThat(tf.logicalAnd(a, b).toBooleanArray()).containsExactly(true, false, false, false);
        assertThat(tf.logicalOr(a, b).toBooleanArray()).containsExactly(true, true, true, false);
        assertThat(tf.logicalXor(a, b).toBooleanArray()).containsExactly(false, true, true, false);
        assertThat(tf.logicalNot(b).toBooleanArray()).containsExactly(false, true);
    }

    @Test
    void clipByValueLimitsAndBroadcasts() {
        Tensor x = Tensor.of(new float[] {-2, 0.5f, 3});
        assertThat(tf.clipByValue(x, 0, 1).toFloatArray()).containsExactly(0, 0.5f, 1);
    }

    @Test
    void logicalOpsRejectNumbers() {
        assertThatThrownBy(() -> tf.logicalAnd(tf.zeros(2), tf.zeros(2)))
                .hasMessage("logical_and: expected a bool tensor, got float32");
    }

    @Test
    void floatOnlyOpsRejectIntegersNamingTheOp() {
        assertThatThrownBy(() -> tf.exp(Tensor.of(new int[] {1})))
                .hasMessage("exp: expected a float32 or float64 tensor, got int32");
    }

    @Test
    void mismatchedDtypesAreNamed() {
        assertThatThrownBy(() -> tf.maximum(tf.zeros(2), Tensor.of(new double[] {1, 2})))
                .hasMessage("maximum: dtypes differ: float32 and float64 (cast one of them first)");
    }
}
