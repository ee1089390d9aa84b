package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Each random initializer's values over a large tensor: their bounds, mean and spread. */
class InitializerStatisticsTest {
    private static final Shape KERNEL = Shape.of(200, 300); // fan_in 200, fan_out 300, 60,000 values
    private static final Shape CONV = Shape.of(3, 3, 16, 32); // receptive field 9: fan_in 144, fan_out 288

    /** A uniform initializer's limit: values in [-limit, limit), variance limit^2 / 3. */
    static Stream<Arguments> uniforms() {
        return Stream.of(
            Arguments.of("glorot_uniform", Initializers.glorotUniform(1), KERNEL, Math.sqrt(6.0 / (200 + 300))),
            Arguments.of("glorot_uniform conv", Initializers.glorotUniform(2), CONV, Math.sqrt(6.0 / (144 + 288))),
            Arguments.of("he_uniform", Initializers.heUniform(3), KERNEL, Math.sqrt(6.0 / 200)),
            Arguments.of("lecun_uniform", Initializers.lecunUniform(4), KERNEL, Math.sqrt(3.0 / 200)),
            Arguments.of("variance_scaling(0.5, fan_out, uniform)", Initializers.varianceScaling(0.5, "fan_out", "uniform", 5),
                    KERNEL, Math.sqrt(3 * 0.5 / 300)),
            Arguments.of("glorot_uniform unseeded", Initializers.glorotUniform(), KERNEL, Math.sqrt(6.0 / 500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uniforms")
    void uniformInitializersStayWithinTheirLimit(String label, Initializer init, Shape shape, double limit) {
        Tensor w = init.apply(shape);
        assertThat(w.shape()).isEqualTo(shape);
        assertThat(w.dtype()).isEqualTo(DType.FLOAT32);
        double[] v = w.toDoubleArray();
        double min = Arrays.stream(v).min().orElseThrow();
        double max = Arrays.stream(v).max().orElseThrow();
        assertThat(min).as("%s min", label).isGreaterThanOrEqualTo(-limit * (1 + 1e-6)).isLessThan(-0.99 * limit);
        assertThat(max).as("%s max", label).isLessThanOrEqualTo(limit * (1 + 1e-6)).isGreaterThan(0.99 * limit);
        double sd = limit / Math.sqrt(3);
        assertThat(mean(v)).as("%s mean", label).isCloseTo(0, offset(5 * sd / Math.sqrt(v.length)));
        assertThat(std(v)).as("%s std", label).isCloseTo(sd, offset(0.03 * sd));
    }

    /**
     * Normal initializers: the values' standard deviation and, for truncated ones, the bound of
     * two pre-truncation stddevs. Keras' variance-scaling stddev is divided by 0.8796256610342398
     * so that the truncated values keep variance scale / n.
     */
    static Stream<Arguments> normals() {
        double c = VarianceScaling.TRUNCATED_STDDEV;
        return Stream.of(
            Arguments.of("glorot_normal", Initializers.glorotNormal(1), KERNEL, Math.sqrt(2.0 / 500), 2 * Math.sqrt(2.0 / 500) / c),
            Arguments.of("he_normal", Initializers.heNormal(2), KERNEL, Math.sqrt(2.0 / 200), 2 * Math.sqrt(2.0 / 200) / c),
            Arguments.of("he_normal conv", Initializers.heNormal(3), CONV, Math.sqrt(2.0 / 144), 2 * Math.sqrt(2.0 / 144) / c),
            Arguments.of("lecun_normal", Initializers.lecunNormal(4), KERNEL, Math.sqrt(1.0 / 200), 2 * Math.sqrt(1.0 / 200) / c),
            Arguments.of("variance_scaling(2, fan_avg, untruncated_normal)",
                    Initializers.varianceScaling(2, "fan_avg", "untruncated_normal", 5), KERNEL, Math.sqrt(2.0 / 250),
                    Double.POSITIVE_INFINITY),
            Arguments.of("random_normal", Initializers.randomNormal(), KERNEL, 0.05, Double.POSITIVE_INFINITY),
            Arguments.of("truncated_normal", Initializers.truncatedNormal(), KERNEL, 0.05 * c, 0.1),
            Arguments.of("he_normal unseeded", Initializers.heNormal(), KERNEL, Math.sqrt(2.0 / 200), 2 * Math.sqrt(2.0 / 200) / c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normals")
    void normalInitializersHaveTheirStandardDeviation(String label, Initializer init, Shape shape, double sd, double bound) {
        double[] v = init.apply(shape).toDoubleArray();
        assertThat(v).hasSize(shape.size());
        assertThat(mean(v)).as("%s mean", label).isCloseTo(0, offset(5 * sd / Math.sqrt(v.length)));
        assertThat(std(v)).as("%s std", label).isCloseTo(sd, offset(0.03 * sd));
        if (Double.isFinite(bound)) {
            assertThat(Arrays.stream(v).map(Math::abs).max().orElseThrow()).as("%s max |w|", label)
                    .isLessThanOrEqualTo(bound * (1 + 1e-6)).isGreaterThan(0.95 * bound);
        }
    }

    @Test
    void randomNormalHasItsMeanAndRandomUniformItsRange() {
        double[] n = Initializers.randomNormal(3, 0.5, 7).apply(KERNEL, DType.FLOAT64).toDoubleArray();
        assertThat(mean(n)).isCloseTo(3, offset(0.01));
        assertThat(std(n)).isCloseTo(0.5, offset(0.01));
        double[] u = Initializers.randomUniform(2, 5, 8).apply(KERNEL, DType.FLOAT64).toDoubleArray();
        assertThat(Arrays.stream(u).min().orElseThrow()).isGreaterThanOrEqualTo(2).isLessThan(2.01);
        assertThat(Arrays.stream(u).max().orElseThrow()).isLessThan(5).isGreaterThan(4.99);
        assertThat(mean(u)).isCloseTo(3.5, offset(0.02));
    }

    @Test
    void randomUniformDefaultsToKerasRange() {
        double[] u = Initializers.randomUniform().apply(KERNEL).toDoubleArray();
        assertThat(Arrays.stream(u).min().orElseThrow()).isGreaterThanOrEqualTo(-0.05).isLessThan(-0.0499);
        assertThat(Arrays.stream(u).max().orElseThrow()).isLessThan(0.05).isGreaterThan(0.0499);
    }

    @Test
    void randomUniformMakesIntegersForAnIntegerDtype() {
        Tensor t = Initializers.randomUniform(0, 10, 3).apply(Shape.of(1000), DType.INT32);
        assertThat(t.dtype()).isEqualTo(DType.INT32);
        int[] v = t.toIntArray();
        assertThat(Arrays.stream(v).min().orElseThrow()).isEqualTo(0);
        assertThat(Arrays.stream(v).max().orElseThrow()).isEqualTo(9);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }
}
