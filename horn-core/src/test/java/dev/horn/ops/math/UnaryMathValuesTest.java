package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The unary functions and activations: the float64 rule against values computed with Python's
 * math module, and the float32 vector lanes against the float64 rule on thousands of random
 * values, at sizes that leave a masked tail and sizes large enough to run in parallel.
 */
class UnaryMathValuesTest {
    private static final double[] X = {-20, -5, -2.5, -1, -0.3, -1e-4, 0, 1e-4, 0.3, 1, 2.5, 5, 20};

    record Row(String name, UnaryOperator<Tensor> fn, double[] expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String name, UnaryOperator<Tensor> fn, double... expected) {
        return new Row(name, fn, expected);
    }

    /** Generated with python3 and mpmath at 50 digits: mp.expm1(x), mp.erf(x), x/2 mp.erfc(-x/sqrt 2) for gelu, and so on. */
    static List<Row> pythonValues() {
        return List.of(
                row("abs", tf::abs, 20.0, 5.0, 2.5, 1.0, 0.3, 0.0001, 0.0, 0.0001, 0.3, 1.0, 2.5, 5.0, 20.0),
                row("sign", tf::sign, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                row("square", tf::square, 400.0, 25.0, 6.25, 1.0, 0.09, 1e-08, 0.0, 1e-08, 0.09, 1.0, 6.25, 25.0, 400.0),
                row("expm1", tf::expm1, -0.9999999979388464, -0.9932620530009145, -0.9179150013761012, -0.6321205588285577, -0.2591817793182821, -9.999500016666251e-05, 0.0, 0.00010000500016667084, 0.3498588075760031, 1.7182818284590453, 11.182493960703473, 147.4131591025766, 485165194.4097903),
                row("sin", tf::sin, -0.9129452507276277, 0.9589242746631385, -0.5984721441039565, -0.8414709848078965, -0.29552020666133955, -9.999999983333334e-05, 0.0, 9.999999983333334e-05, 0.29552020666133955, 0.8414709848078965, 0.5984721441039565, -0.9589242746631385, 0.9129452507276277),
                row("cos", tf::cos, 0.40808206181339196, 0.28366218546322625, -0.8011436155469337, 0.5403023058681398, 0.955336489125606, 0.999999995, 1.0, 0.999999995, 0.955336489125606, 0.5403023058681398, -0.8011436155469337, 0.28366218546322625, 0.40808206181339196),
                row("tanh", tf::tanh, -1.0, -0.9999092042625951, -0.9866142981514303, -0.7615941559557649, -0.2913126124515909, -9.999999966666667e-05, 0.0, 9.999999966666667e-05, 0.2913126124515909, 0.7615941559557649, 0.9866142981514303, 0.9999092042625951, 1.0),
                row("sigmoid", tf::sigmoid, 2.0611536181902037e-09, 0.0066928509242848554, 0.07585818002124355, 0.2689414213699951, 0.425557483188341, 0.4999750000000208, 0.5, 0.5000249999999792, 0.574442516811659, 0.7310585786300049, 0.9241418199787564, 0.9933071490757152, 0.9999999979388464),
                row("relu", tf::relu, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0001, 0.3, 1.0, 2.5, 5.0, 20.0),
                row("elu", tf::elu, -0.9999999979388464, -0.9932620530009145, -0.9179150013761012, -0.6321205588285577, -0.2591817793182821, -9.999500016666251e-05, 0.0, 0.0001, 0.3, 1.0, 2.5, 5.0, 20.0),
                row("selu", tf::selu, -1.758099337223664, -1.7462533606696202, -1.6137857588732425, -1.1113307378125628, -0.4556673153791221, -0.0001758011438810427, 0.0, 0.00010507009873554805, 0.31521029620664415, 1.0507009873554805, 2.6267524683887014, 5.253504936777403, 21.01401974710961),
                row("softplus", tf::softplus, 2.061153620314381e-09, 0.006715348489118068, 0.07888973429254963, 0.3132616875182228, 0.5543552444685271, 0.6930971818099453, 0.6931471805599453, 0.6931971818099453, 0.8543552444685271, 1.3132616875182228, 2.5788897342925496, 5.006715348489118, 20.000000002061153),
                row("gelu", x -> tf.gelu(x), -5.507248237212468e-88, -1.4332578593959695e-06, -0.015524163314440337, -0.15865525393145705, -0.1146265733433142, -4.9996010577202634e-05, 0.0, 5.000398942279737e-05, 0.1853734266566858, 0.8413447460685429, 2.4844758366855597, 4.999998566742141, 20.0),
                row("gelu_tanh", x -> tf.gelu(x, true), -3.3754509563109673e-261, -2.291796196629506e-07, -0.015084266089998582, -0.1588080093917233, -0.11462907645724076, -4.999601057720267e-05, 0.0, 5.000398942279734e-05, 0.18537092354275925, 0.8411919906082767, 2.484915733910001, 4.999999770820381, 20.0),
                row("erf", tf::erf, -1.0, -0.9999999999984626, -0.999593047982555, -0.8427007929497149, -0.3286267594591274, -0.00011283791633342487, 0.0, 0.00011283791633342487, 0.3286267594591274, 0.8427007929497149, 0.999593047982555, 0.9999999999984626, 1.0),
                row("leaky_relu", x -> tf.leakyRelu(x), -4.0, -1.0, -0.5, -0.2, -0.06, -2e-05, 0.0, 0.0001, 0.3, 1.0, 2.5, 5.0, 20.0),
                row("softsign", tf::softsign, -0.9523809523809523, -0.8333333333333334, -0.7142857142857143, -0.5, -0.23076923076923075, -9.999000099990002e-05, 0.0, 9.999000099990002e-05, 0.23076923076923075, 0.5, 0.7142857142857143, 0.8333333333333334, 0.9523809523809523)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonValues")
    void float64MatchesPythonMath(Row row) {
        double[] got = row.fn().apply(Tensor.of(X, X.length)).toDoubleArray();
        for (int i = 0; i < X.length; i++) {
            double want = row.expected()[i];
            // gelu's tanh form at x = -20 is e^(2u) with 2u = -603, whose rounding is worth 1e-13
            double relative = row.name().equals("gelu_tanh") ? 1e-12 : 2e-15;
            assertThat(got[i]).as("%s(%s)", row.name(), X[i]).isCloseTo(want, within(relative * Math.abs(want) + 1e-300));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonValues")
    void float32MatchesPythonMathToFloatPrecision(Row row) {
        float[] xs = new float[X.length];
        for (int i = 0; i < X.length; i++) {
            xs[i] = (float) X[i];
        }
        float[] got = row.fn().apply(Tensor.of(xs, xs.length)).toFloatArray();
        for (int i = 0; i < X.length; i++) {
            double want = row.expected()[i];
            // the float input differs from X by up to half an ulp, which moves f by |x f'(x)| 6e-8
            assertThat((double) got[i]).as("%s(%s)", row.name(), X[i]).isCloseTo(want, within(3e-6 * Math.abs(want) + 1e-38));
        }
    }

    record LaneCase(String name, UnaryOperator<Tensor> fn, double low, double high, double relative) {
        @Override
        public String toString() {
            return name + " on [" + low + ", " + high + "]";
        }
    }

    static Stream<Arguments> laneCases() {
        List<LaneCase> cases = List.of(
                new LaneCase("abs", tf::abs, -10, 10, 0),
                new LaneCase("sign", tf::sign, -10, 10, 0),
                new LaneCase("neg", tf::neg, -10, 10, 0),
                new LaneCase("sqrt", tf::sqrt, 0, 100, 1e-7),
                new LaneCase("rsqrt", tf::rsqrt, 1e-3, 100, 2e-7),
                new LaneCase("square", tf::square, -100, 100, 1e-7),
                new LaneCase("exp", tf::exp, -80, 80, 1e-6),
                new LaneCase("log", tf::log, 1e-3, 1e3, 1e-6),
                new LaneCase("log1p", tf::log1p, -0.9, 10, 1e-6),
                new LaneCase("expm1", tf::expm1, -10, 10, 1e-6),
                new LaneCase("sin", tf::sin, -3, 3, 1e-6),
                new LaneCase("cos", tf::cos, -1.5, 1.5, 1e-6),
                new LaneCase("tanh", tf::tanh, -10, 10, 1e-6),
                new LaneCase("sigmoid", tf::sigmoid, -30, 30, 1e-6),
                new LaneCase("relu", tf::relu, -10, 10, 0),
                new LaneCase("elu", tf::elu, -10, 10, 1e-6),
                new LaneCase("selu", tf::selu, -10, 10, 1e-6),
                new LaneCase("softplus", tf::softplus, -30, 30, 1e-6),
                new LaneCase("softsign", tf::softsign, -10, 10, 1e-6),
                new LaneCase("gelu", tf::gelu, -8, 8, 1e-6),
                // the tanh form's exponent 2u = 1.6 (x + 0.044715 x^3) reaches -20 at x = -5.5; the five float roundings
                // that make it cost about |2u| 3e-7 relative in e^(2u), so its far negative tail is only this good
                new LaneCase("gelu tanh form", x -> tf.gelu(x, true), -5.5, 8, 6e-6),
                new LaneCase("erf", tf::erf, -5, 5, 1e-6),
                new LaneCase("erf near zero", tf::erf, -0.6, 0.6, 1e-6),
                new LaneCase("leaky_relu", x -> tf.leakyRelu(x), -10, 10, 1e-7));
        return cases.stream().flatMap(c -> Stream.of(1, 15, 17, 4099, 70_001).map(n -> Arguments.of(c, n)));
    }

    @ParameterizedTest(name = "{0}, {1} values")
    @MethodSource("laneCases")
    void float32LanesMatchTheFloat64Rule(LaneCase c, int size) {
        Random random = new Random(c.name().hashCode() + size);
        float[] xs = new float[size];
        double[] asDouble = new double[size];
        for (int i = 0; i < size; i++) {
            xs[i] = (float) (c.low() + (c.high() - c.low()) * random.nextDouble());
            asDouble[i] = xs[i];
        }
        Tensor lanes = c.fn().apply(Tensor.of(xs, size));
        assertThat(lanes.dtype()).isEqualTo(DType.FLOAT32);
        float[] got = lanes.toFloatArray();
        double[] want = c.fn().apply(Tensor.of(asDouble, size)).toDoubleArray();
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < size; i++) {
            // the reference rounded to float is the best a float result can be; allow `relative` beyond that
            double err = Math.abs(got[i] - want[i]) - Math.abs((float) want[i] - want[i]);
            double scaled = err / Math.max(Math.abs(want[i]), Float.MIN_NORMAL);
            if (scaled > worst) {
                worst = scaled;
                worstAt = i;
            }
        }
        assertThat(worst).as("%s: worst relative error at x = %s (got %s, want %s)", c.name(), xs[worstAt], got[worstAt],
                want[worstAt]).isLessThanOrEqualTo(c.relative());
    }
}
