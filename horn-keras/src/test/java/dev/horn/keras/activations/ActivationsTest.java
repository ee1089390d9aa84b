package dev.horn.keras.activations;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class ActivationsTest {
    private static final double[] X = {-3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 7.0};

    /*
     * Expected values from numpy (and scipy's erf), in float64:
     *   x = np.array([-3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 7.0])
     *   sig = lambda v: 1/(1+np.exp(-v)); softplus = lambda v: np.log1p(np.exp(v))
     *   A, S = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946
     *   relu: np.maximum(x, 0)            sigmoid: sig(x)        tanh: np.tanh(x)
     *   softplus: softplus(x)             softsign: x/(1+np.abs(x))
     *   elu: np.where(x>0, x, np.expm1(x))  selu: S*np.where(x>0, x, A*np.expm1(x))
     *   gelu: 0.5*x*(1+erf(x/np.sqrt(2)))  swish, silu: x*sig(x)
     *   leaky_relu: np.where(x>0, x, 0.2*x)  relu6: np.clip(x, 0, 6)   exponential: np.exp(x)
     *   hard_sigmoid: np.clip(0.2*x+0.5, 0, 1)  mish: x*np.tanh(softplus(x))   linear: x
     *   softmax: np.exp(x-x.max())/np.exp(x-x.max()).sum()
     *   log_softmax: (x-x.max()) - np.log(np.exp(x-x.max()).sum())
     */
    static Stream<Arguments> numpyValues() {
        return Stream.of(
            row("relu", 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.5, 7.0),
            row("sigmoid", 0.04742587317756678, 0.18242552380635635, 0.3775406687981454, 0.5, 0.5621765008857981, 0.7310585786300049, 0.9241418199787566, 0.9990889488055994),
            row("tanh", -0.9950547536867305, -0.9051482536448665, -0.46211715726000974, 0.0, 0.24491866240370913, 0.7615941559557649, 0.9866142981514303, 0.9999983369439447),
            row("softplus", 0.04858735157374206, 0.2014132779827524, 0.4740769841801067, 0.6931471805599453, 0.8259394198788436, 1.3132616875182228, 2.5788897342925496, 7.000911466453774),
            row("softsign", -0.75, -0.6, -0.3333333333333333, 0.0, 0.2, 0.5, 0.7142857142857143, 0.875),
            row("elu", -0.950212931632136, -0.7768698398515702, -0.3934693402873666, 0.0, 0.25, 1.0, 2.5, 7.0),
            row("selu", -1.6705687287671118, -1.3658143533672527, -0.6917581878028713, 0.0, 0.2626752468388701, 1.0507009873554805, 2.626752468388701, 7.354906911488364),
            row("gelu", -0.00404969409489031, -0.10021080190328713, -0.15426876936299347, 0.0, 0.14967658142073093, 0.8413447460685429, 2.4844758366855597, 6.999999999991041),
            row("swish", -0.14227761953270035, -0.2736382857095345, -0.1887703343990727, 0.0, 0.14054412522144952, 0.7310585786300049, 2.3103545499468914, 6.993622641639195),
            row("silu", -0.14227761953270035, -0.2736382857095345, -0.1887703343990727, 0.0, 0.14054412522144952, 0.7310585786300049, 2.3103545499468914, 6.993622641639195),
            row("leaky_relu", -0.6000000000000001, -0.30000000000000004, -0.1, 0.0, 0.25, 1.0, 2.5, 7.0),
            row("relu6", 0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.5, 6.0),
            row("exponential", 0.049787068367863944, 0.22313016014842982, 0.6065306597126334, 1.0, 1.2840254166877414, 2.718281828459045, 12.182493960703473, 1096.6331584284585),
            row("hard_sigmoid", 0.0, 0.19999999999999996, 0.4, 0.5, 0.55, 0.7, 1.0, 1.0),
            row("mish", -0.1456474612756246, -0.29809974216680674, -0.22074377465173, 0.0, 0.1695724096638176, 0.8650983882673103, 2.471392304557881, 6.999988379809741),
            row("linear", -3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 7.0),
            row("softmax", 4.46642003757036e-05, 0.00020017105865918007, 0.0005441213513366588, 0.0008971044457908471, 0.0011519049098190177, 0.002438582713223082, 0.01092896949296723, 0.9837944818278285),
            row("log_softmax", -10.016338263675225, -8.516338263675225, -7.516338263675225, -7.016338263675225, -6.766338263675225, -6.016338263675225, -4.516338263675225, -0.01633826367522513));
    }

    private static Arguments row(String name, double... expected) {
        return Arguments.of(name, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyValues")
    void matchesNumpyInFloat64(String name, double[] expected) {
        double[] got = Activations.get(name).apply(Tensor.of(X.clone(), X.length)).toDoubleArray();
        assertClose(name, got, expected, 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyValues")
    void matchesNumpyInFloat32(String name, double[] expected) {
        Tensor x = Tensor.of(X.clone(), X.length).cast(DType.FLOAT32);
        Tensor y = Activations.get(name).apply(x);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT32);
        assertClose(name, y.toDoubleArray(), expected, 2e-6);
    }

    /*
     * Activations with arguments, against numpy (x as above):
     *   Keras 2's backend.relu(x, alpha, max_value, threshold) step by step:
     *     neg = np.maximum(-x + th, 0); y = x * (x > th) if th else np.maximum(x, 0)
     *     y = np.clip(y, 0, mx) if mx is not None else y; y - alpha * neg
     *   elu(alpha=0.5): np.where(x>0, x, 0.5*np.expm1(x))
     *   gelu(approximate=True): 0.5*x*(1+np.tanh(np.sqrt(2/np.pi)*(x+0.044715*x**3)))
     *   Keras 3 hard_sigmoid: np.clip(x+3, 0, 6)/6
     */
    static Stream<Arguments> parameterisedValues() {
        return Stream.of(
            Arguments.of("relu(alpha=0.1, max_value=5, threshold=1)", Activations.relu(0.1, 5.0, 1),
                    new double[] {-0.4, -0.25, -0.15000000000000002, -0.1, -0.07500000000000001, 0.0, 2.5, 5.0}),
            Arguments.of("relu(threshold=1)", Activations.relu(0, null, 1),
                    new double[] {0, 0, 0, 0, 0, 0, 2.5, 7.0}),
            Arguments.of("relu(max_value=6)", Activations.relu(0, 6.0, 0),
                    new double[] {0.0, 0.0, 0.0, 0.0, 0.25, 1.0, 2.5, 6.0}),
            Arguments.of("relu(alpha=0.5)", Activations.relu(0.5),
                    new double[] {-1.5, -0.75, -0.25, 0.0, 0.25, 1.0, 2.5, 7.0}),
            Arguments.of("elu(alpha=0.5)", Activations.elu(0.5),
                    new double[] {-0.475106465816068, -0.3884349199257851, -0.1967346701436833, 0.0, 0.25, 1.0, 2.5, 7.0}),
            Arguments.of("leaky_relu(alpha=0.3)", Activations.leakyRelu(0.3),
                    new double[] {-0.9, -0.45, -0.15, 0.0, 0.25, 1.0, 2.5, 7.0}),
            Arguments.of("gelu(approximate=True)", Activations.gelu(true),
                    new double[] {-0.0036373920817729943, -0.10042842301976707, -0.15428599017485606, 0.0,
                        0.149675350701685, 0.8411919906082768, 2.484915733910001, 6.999999999999997}),
            Arguments.of("hard_sigmoid (Keras 3)", Activations.hardSigmoidKeras3(),
                    new double[] {0.0, 0.25, 0.4166666666666667, 0.5, 0.5416666666666666, 0.6666666666666666,
                        0.9166666666666666, 1.0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterisedValues")
    void parameterisedActivationsMatchNumpy(String label, Activation activation, double[] expected) {
        assertClose(label, activation.apply(Tensor.of(X.clone(), X.length)).toDoubleArray(), expected, 1e-12);
    }

    @Test
    void softmaxNormalisesTheLastAxisByDefaultAndAnyAxisOnRequest() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {-1, 0, 4}});
        // np.exp(m) / np.exp(m).sum(0)
        assertClose("softmax(axis=0)", Activations.softmax(0).apply(m).toDoubleArray(),
                new double[] {0.8807970779778824, 0.8807970779778824, 0.2689414213699951,
                    0.11920292202211756, 0.11920292202211755, 0.7310585786300048}, 1e-12);
        double[] rows = Activations.SOFTMAX.apply(m).toDoubleArray();
        assertThat(rows[0] + rows[1] + rows[2]).isCloseTo(1.0, offset(1e-15));
        assertThat(rows[3] + rows[4] + rows[5]).isCloseTo(1.0, offset(1e-15));
    }

    /** Points clear of every kink (0, relu6's 6, hard_sigmoid's +-2.5), where a derivative exists. */
    private static final double[] SMOOTH_POINTS = {-2.7, -1.2, -0.35, 0.4, 1.3, 2.2, 6.5};

    static Stream<Arguments> allActivations() {
        Stream<Arguments> named = Activations.names().stream().map(n -> Arguments.of(n, Activations.get(n)));
        Stream<Arguments> parameterised = parameterisedValues().map(a -> Arguments.of(a.get()[0], a.get()[1]));
        return Stream.concat(named, Stream.concat(parameterised, Stream.of(Arguments.of("softmax(axis=0)", Activations.softmax(0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allActivations")
    void tapeGradientMatchesCentralDifferences(String label, Activation activation) {
        Tensor x = Tensor.of(SMOOTH_POINTS.clone(), SMOOTH_POINTS.length);
        double[] weights = {0.3, -1.1, 0.7, 1.9, -0.4, 0.8, -1.3};
        Tensor w = Tensor.of(weights, weights.length);
        UnaryOperator<Tensor> loss = in -> tf.reduceSum(activation.apply(in).mul(w));
        double[] analytic;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor value = loss.apply(x);
            analytic = tape.gradient(value, x).toDoubleArray();
        }
        double h = 1e-6;
        for (int i = 0; i < SMOOTH_POINTS.length; i++) {
            double[] up = SMOOTH_POINTS.clone();
            double[] down = SMOOTH_POINTS.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (loss.apply(Tensor.of(up, up.length)).item() - loss.apply(Tensor.of(down, down.length)).item()) / (2 * h);
            assertThat(analytic[i]).as("%s: d loss / d x[%d] at x = %s", label, i, SMOOTH_POINTS[i])
                    .isCloseTo(numeric, offset(1e-6 * (1 + Math.abs(numeric))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allActivations")
    void runsInsideAFunctionAsEagerly(String label, Activation activation) {
        Tensor x = Tensor.of(new float[] {-3, -1.5f, -0.5f, 0, 0.25f, 1, 2.5f, 7}, 2, 4);
        Tensor eager = activation.apply(x);
        Function traced = Function.of(in -> activation.apply(in[0]));
        Tensor graph = traced.call(x);
        assertThat(graph.shape()).isEqualTo(eager.shape());
        assertClose(label, graph.toDoubleArray(), eager.toDoubleArray(), 1e-7);
    }

    @Test
    void lookupReturnsTheConstantsAndNullIsLinear() {
        assertThat(Activations.get("relu")).isSameAs(Activations.RELU);
        assertThat(Activations.get("softmax")).isSameAs(Activations.SOFTMAX);
        assertThat(Activations.get(null)).isSameAs(Activations.LINEAR);
        assertThat(Activations.relu(0)).isSameAs(Activations.RELU);
        assertThat(Activations.relu(0.1, 5.0, 1).name()).isEqualTo("relu");
        assertThat(Activations.get("swish").toString()).isEqualTo("swish");
    }

    @Test
    void kerasTwoNamesAreAllKnown() {
        assertThat(Activations.names()).containsExactly("elu", "exponential", "gelu", "hard_sigmoid", "leaky_relu",
                "linear", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid", "silu", "softmax", "softplus",
                "softsign", "swish", "tanh");
    }

    @Test
    void unknownActivationIsAnErrorNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> Activations.get("relu7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'relu7'")
                .hasMessageContaining("relu, relu6, selu");
    }

    @Test
    void customActivationKeepsItsName() {
        Activation cube = Activation.of("cube", x -> x.mul(x).mul(x));
        assertThat(cube.name()).isEqualTo("cube");
        assertThat(cube.apply(Tensor.of(new double[] {2, -1}, 2)).toDoubleArray()).containsExactly(8, -1);
    }

    @Test
    void leakyReluByNameHasKerasTwoSlope() {
        // Keras 2 resolves "leaky_relu" to tf.nn.leaky_relu, alpha 0.2 (the LeakyReLU layer's own default is 0.3)
        assertThat(Activations.get("leaky_relu").apply(Tensor.of(new double[] {-1}, 1)).item()).isEqualTo(-0.2);
    }

    private static void assertClose(String label, double[] got, double[] expected, double tolerance) {
        assertThat(got).as(label).hasSize(expected.length);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("%s[%d]", label, i)
                    .isCloseTo(expected[i], offset(tolerance * (1 + Math.abs(expected[i]))));
        }
    }
}
