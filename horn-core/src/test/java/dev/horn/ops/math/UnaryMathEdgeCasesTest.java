package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** NaN and infinity, integer variants, attributes, gradients at kinks and the errors of the unary ops. */
class UnaryMathEdgeCasesTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    private static Tensor f32(float... v) {
        return Tensor.of(v, v.length);
    }

    private static Tensor f64(double... v) {
        return Tensor.of(v, v.length);
    }

    @Test
    void sigmoidIsStableForLargeMagnitudes() {
        assertThat(tf.sigmoid(f32(-100, 100, -INF, INF)).toFloatArray()).containsExactly(3.7200760e-44f, 1f, 0f, 1f);
        assertThat(tf.sigmoid(f64(-700, 700)).toDoubleArray()).containsExactly(9.85967654375977e-305, 1.0);
    }

    @Test
    void softplusIsLinearForLargeXAndTinyForVeryNegativeX() {
        assertThat(tf.softplus(f32(1000, -100, INF)).toFloatArray()).containsExactly(1000f, 3.7200760e-44f, INF);
        assertThat(tf.softplus(f64(1e300)).toDoubleArray()).containsExactly(1e300);
    }

    @Test
    void nanPropagatesThroughEveryFunction() {
        List<UnaryOperator<Tensor>> fns = List.of(tf::abs, tf::sign, tf::sqrt, tf::rsqrt, tf::square, tf::log1p,
                tf::expm1, tf::sin, tf::cos, tf::tanh, tf::sigmoid, tf::relu, tf::elu, tf::selu, tf::softplus, tf::softsign,
                tf::gelu, tf::erf, x -> tf.gelu(x, true), x -> tf.leakyRelu(x));
        for (UnaryOperator<Tensor> op : fns) {
            assertThat(op.apply(f32(NAN)).toFloatArray()[0]).isNaN();
            assertThat(op.apply(f64(Double.NaN)).toDoubleArray()[0]).isNaN();
        }
    }

    @Test
    void infinitiesGoWhereTensorFlowSendsThem() {
        assertThat(tf.tanh(f32(-INF, INF)).toFloatArray()).containsExactly(-1f, 1f);
        assertThat(tf.erf(f32(-INF, INF, 12, -12)).toFloatArray()).containsExactly(-1f, 1f, 1f, -1f);
        assertThat(tf.gelu(f32(INF, 1e30f)).toFloatArray()).containsExactly(INF, 1e30f);
        assertThat(tf.elu(f32(-INF, INF)).toFloatArray()).containsExactly(-1f, INF);
        assertThat(tf.relu(f32(-INF, INF)).toFloatArray()).containsExactly(0f, INF);
        assertThat(tf.sqrt(f32(-1, 0, INF)).toFloatArray()).containsExactly(NAN, 0f, INF);
        assertThat(tf.rsqrt(f64(0)).toDoubleArray()).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(tf.log1p(f64(-1, -2)).toDoubleArray()).containsExactly(Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(tf.softsign(f32(-INF, INF)).toFloatArray()).containsExactly(NAN, NAN); // inf / inf, as TensorFlow
    }

    @Test
    void signKeepsSignedZero() {
        assertThat(tf.sign(f32(-0f, 0f, -3, 2)).toFloatArray()).containsExactly(-0f, 0f, -1f, 1f);
    }

    @Test
    void integerVariantsOfAbsSignSquareReluAndNeg() {
        Tensor i32 = Tensor.of(new int[] {-3, 0, 4, Integer.MIN_VALUE}, 4);
        assertThat(tf.abs(i32).toIntArray()).containsExactly(3, 0, 4, Integer.MIN_VALUE);
        assertThat(tf.sign(i32).toIntArray()).containsExactly(-1, 0, 1, -1);
        assertThat(tf.square(i32).toIntArray()).containsExactly(9, 0, 16, 0);
        assertThat(tf.relu(i32).toIntArray()).containsExactly(0, 0, 4, 0);
        assertThat(tf.neg(Tensor.of(new long[] {5, -6}, 2)).toLongArray()).containsExactly(-5L, 6L);
        Tensor i64 = Tensor.of(new long[] {-3_000_000_000L, 7}, 2);
        assertThat(tf.abs(i64).toLongArray()).containsExactly(3_000_000_000L, 7L);
        assertThat(tf.square(i64).toLongArray()).containsExactly(9_000_000_000_000_000_000L, 49L);
        assertThat(tf.abs(i32).dtype()).isEqualTo(DType.INT32);
    }

    @Test
    void floatingOnlyFunctionsRejectIntegersNamingTheOpAndDType() {
        Tensor ints = Tensor.of(new int[] {1, 2}, 2);
        assertThatThrownBy(() -> tf.sqrt(ints)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sqrt").hasMessageContaining("int32");
        assertThatThrownBy(() -> tf.sigmoid(ints)).hasMessageContaining("sigmoid").hasMessageContaining("int32");
        assertThatThrownBy(() -> tf.abs(Tensor.of(new boolean[] {true}, 1))).hasMessageContaining("abs")
                .hasMessageContaining("bool");
    }

    @Test
    void leakyReluUsesTheTensorFlowOpDefaultAlpha() {
        assertThat(tf.leakyRelu(f32(-10, 3)).toFloatArray()).containsExactly(-2f, 3f);
        assertThat(tf.leakyRelu(f32(-10, 3), 0.3).toFloatArray()).containsExactly(-3f, 3f);
        assertThat(new LeakyRelu(0.3).toString()).isEqualTo("leaky_relu(alpha=0.3)");
        assertThat(new Gelu(true).toString()).isEqualTo("gelu(approximate=true)");
    }

    @Test
    void seluUsesTheKerasConstants() {
        double[] got = tf.selu(f64(1, -1e-9)).toDoubleArray();
        assertThat(got[0]).isEqualTo(1.0507009873554805);
        // scale alpha expm1(-1e-9), with expm1(-1e-9) = -1e-9 (1 - 5e-10)
        assertThat(got[1]).isCloseTo(-1.0507009873554805 * 1.6732632423543772 * 1e-9 * (1 - 5e-10), within(1e-23));
    }

    @Test
    void reluGradientIsZeroAtTheKinkAsInTensorFlow() {
        Tensor x = f64(-1, 0, 2);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = tf.reduceSum(tf.relu(x));
            assertThat(tape.gradient(y, x).toDoubleArray()).containsExactly(0.0, 0.0, 1.0);
        }
    }

    @Test
    void absGradientIsZeroAtZeroAndSignElsewhere() {
        Tensor x = f64(-1, 0, 2);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = tf.reduceSum(tf.abs(x));
            assertThat(tape.gradient(y, x).toDoubleArray()).containsExactly(-1.0, 0.0, 1.0);
        }
    }

    @Test
    void sigmoidSecondDerivativeAtZeroIsZeroAndTanhsIsToo() {
        Tensor x = f64(0);
        try (GradientTape outer = new GradientTape()) {
            outer.watch(x);
            Tensor first;
            try (GradientTape inner = new GradientTape()) {
                inner.watch(x);
                first = inner.gradient(tf.reduceSum(tf.add(tf.sigmoid(x), tf.tanh(x))), x);
            }
            assertThat(first.toDoubleArray()[0]).isCloseTo(1.25, within(1e-15));
            assertThat(outer.gradient(tf.reduceSum(first), x).toDoubleArray()[0]).isCloseTo(0.0, within(1e-15));
        }
    }

    @Test
    void stridedViewsAreReadThroughTheirOffsets() {
        Tensor m = Tensor.of(new float[] {-1, 2, -3, 4, -5, 6}, 2, 3);
        Tensor column = tf.transpose(m, 1, 0);
        assertThat(tf.relu(column).toFloatArray()).containsExactly(0f, 4f, 2f, 0f, 0f, 6f);
    }
}
