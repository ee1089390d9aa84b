package dev.horn.keras.initializers;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.graph.Function;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class InitializersTest {
    @AfterEach
    void forgetTheGlobalSeed() {
        Horn.clearSeed();
    }

    // ---- seeds -------------------------------------------------------------------------------

    static Stream<String> randomNames() {
        return Stream.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
                "random_uniform", "random_normal", "truncated_normal", "variance_scaling", "orthogonal");
    }

    private static Initializer seeded(String name, long seed) {
        Map<String, Object> config = new HashMap<>();
        config.put("seed", seed);
        return Initializers.fromConfig(name, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomNames")
    void aSeededInitializerReturnsTheSameValuesAtEveryCall(String name) {
        Shape shape = Shape.of(7, 5);
        Initializer a = seeded(name, 42);
        Tensor first = a.apply(shape);
        assertThat(a.apply(shape).valuesEqual(first)).as("second call").isTrue();
        assertThat(seeded(name, 42).apply(shape).valuesEqual(first)).as("another instance, same seed").isTrue();
        assertThat(seeded(name, 43).apply(shape).valuesEqual(first)).as("another seed").isFalse();
        Horn.setSeed(1);
        assertThat(a.apply(shape).valuesEqual(first)).as("whatever the global seed").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomNames")
    void anUnseededInitializerFollowsTheGlobalSeed(String name) {
        Shape shape = Shape.of(7, 5);
        Initializer init = Initializers.get(name);
        Horn.setSeed(7);
        Tensor first = init.apply(shape);
        Tensor second = init.apply(shape);
        Horn.setSeed(7);
        assertThat(init.apply(shape).valuesEqual(first)).as("rerun after setSeed, first call").isTrue();
        assertThat(init.apply(shape).valuesEqual(second)).as("rerun after setSeed, second call").isTrue();
        assertThat(second.valuesEqual(first)).as("successive calls differ").isFalse();
    }

    @Test
    void seededDrawsInFloat64AreFloat64() {
        Tensor w = Initializers.glorotNormal(3).apply(Shape.of(4, 4), DType.FLOAT64);
        assertThat(w.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(w.shape()).isEqualTo(Shape.of(4, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyName")
    void calledWhileTracingAnInitializerStillMakesConcreteValuesDrawnOnce(String name) {
        Shape shape = Shape.of(3, 3);
        Initializer init = Initializers.get(name);
        Tensor[] drawn = new Tensor[1];
        Function f = Function.of(in -> {
            drawn[0] = init.apply(shape);
            return in[0].add(drawn[0]);
        });
        Tensor zeros = tf.zeros(3, 3);
        Tensor first = f.call(zeros);
        assertThat(drawn[0].isSymbolic()).isFalse();
        assertThat(f.call(zeros).valuesEqual(first)).as("the weight is a constant of the graph").isTrue();
        assertThat(first.valuesEqual(drawn[0])).isTrue();
    }

    static Stream<String> everyName() {
        return Stream.concat(randomNames(), Stream.of("zeros", "ones", "constant", "identity"));
    }

    // ---- orthogonal and identity -------------------------------------------------------------

    @Test
    void orthogonalOfATallMatrixHasOrthonormalColumns() {
        Tensor w = Initializers.orthogonal(1, 11).apply(Shape.of(6, 4), DType.FLOAT64);
        assertIdentity(tf.matmul(w, w, true, false), 4, 1, 1e-12);
    }

    @Test
    void orthogonalOfAWideMatrixHasOrthonormalRows() {
        Tensor w = Initializers.orthogonal(1, 12).apply(Shape.of(4, 6), DType.FLOAT64);
        assertIdentity(tf.matmul(w, w, false, true), 4, 1, 1e-12);
    }

    @Test
    void orthogonalOfASquareFloat32MatrixIsOrthogonalBothWays() {
        Tensor w = Initializers.orthogonal().apply(Shape.of(64, 64));
        assertThat(w.dtype()).isEqualTo(DType.FLOAT32);
        Tensor w64 = w.cast(DType.FLOAT64);
        assertIdentity(tf.matmul(w64, w64, true, false), 64, 1, 1e-5);
        assertIdentity(tf.matmul(w64, w64, false, true), 64, 1, 1e-5);
    }

    @Test
    void orthogonalFlattensAConvKernelToRowsByLastAxisAndAppliesTheGain() {
        Tensor w = Initializers.orthogonal(2, 13).apply(Shape.of(3, 3, 4, 5), DType.FLOAT64);
        assertThat(w.shape()).isEqualTo(Shape.of(3, 3, 4, 5));
        Tensor flat = w.reshape(36, 5);
        assertIdentity(tf.matmul(flat, flat, true, false), 5, 4, 1e-12); // gain^2 on the diagonal
    }

    @Test
    void orthogonalNeedsAMatrix() {
        assertThatThrownBy(() -> Initializers.orthogonal().apply(Shape.of(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two-dimensional").hasMessageContaining("rank 1");
    }

    @Test
    void identityIsTheGainOnTheDiagonal() {
        Tensor w = Initializers.identity(2).apply(Shape.of(2, 3));
        assertThat(w.toFloatArray()).containsExactly(2, 0, 0, 0, 2, 0);
        assertThatThrownBy(() -> Initializers.identity().apply(Shape.of(2, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only be used for 2D matrices");
    }

    private static void assertIdentity(Tensor product, int n, double diagonal, double tolerance) {
        assertThat(product.shape()).isEqualTo(Shape.of(n, n));
        double[] v = product.toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(v[i * n + j]).as("(%d, %d)", i, j).isCloseTo(i == j ? diagonal : 0, offset(tolerance));
            }
        }
    }

    // ---- constants ---------------------------------------------------------------------------

    @Test
    void zerosOnesAndConstantFillAnyNumericDtype() {
        assertThat(Initializers.zeros().apply(Shape.of(2, 2)).toFloatArray()).containsExactly(0, 0, 0, 0);
        assertThat(Initializers.ones().apply(Shape.of(3), DType.INT32).toIntArray()).containsExactly(1, 1, 1);
        Tensor c = Initializers.constant(3.5).apply(Shape.of(2, 3), DType.FLOAT64);
        assertThat(c.toDoubleArray()).containsOnly(3.5).hasSize(6);
        assertThat(c.isContiguous()).isTrue();
        assertThat(c.strides()).containsExactly(3, 1); // owns its storage, not a broadcast view
    }

    // ---- fans --------------------------------------------------------------------------------

    @Test
    void fansAreComputedAsKeras() {
        assertThat(Fans.of(Shape.scalar())).isEqualTo(new Fans(1, 1));
        assertThat(Fans.of(Shape.of(7))).isEqualTo(new Fans(7, 7));
        assertThat(Fans.of(Shape.of(784, 256))).isEqualTo(new Fans(784, 256));
        assertThat(Fans.of(Shape.of(5, 16, 32))).isEqualTo(new Fans(80, 160)); // Conv1D kernel (width, in, out)
        assertThat(Fans.of(Shape.of(3, 3, 16, 32))).isEqualTo(new Fans(144, 288));
    }

    // ---- names and configs -------------------------------------------------------------------

    @Test
    void lookupAcceptsSnakeCaseClassNamesAndAliases() {
        assertThat(Initializers.get("glorot_uniform").name()).isEqualTo("glorot_uniform");
        assertThat(Initializers.get("GlorotUniform").name()).isEqualTo("glorot_uniform");
        assertThat(Initializers.get("glorot_uniform").className()).isEqualTo("GlorotUniform");
        assertThat(Initializers.get("uniform")).isInstanceOf(RandomUniform.class);
        assertThat(Initializers.get("normal")).isInstanceOf(RandomNormal.class);
        assertThat(Initializers.get("one").name()).isEqualTo("ones");
        assertThat(Initializers.get("zero").name()).isEqualTo("zeros");
        assertThat(Initializers.get("he_normal").className()).isEqualTo("HeNormal");
        assertThat(Initializers.get("variance_scaling").className()).isEqualTo("VarianceScaling");
    }

    @Test
    void unknownInitializerIsAnErrorNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> Initializers.get("glorot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'glorot'")
                .hasMessageContaining("glorot_uniform")
                .hasMessageContaining("he_normal");
    }

    @Test
    void configsUseKerasArgumentNamesAndDefaults() {
        assertConfig(Initializers.glorotUniform(), "seed", null);
        assertConfig(Initializers.heNormal(5), "seed", 5L);
        assertConfig(Initializers.get("variance_scaling"), "scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal",
                "seed", null);
        assertConfig(Initializers.get("random_uniform"), "minval", -0.05, "maxval", 0.05, "seed", null);
        assertConfig(Initializers.get("random_normal"), "mean", 0.0, "stddev", 0.05, "seed", null);
        assertConfig(Initializers.get("truncated_normal"), "mean", 0.0, "stddev", 0.05, "seed", null);
        assertConfig(Initializers.get("orthogonal"), "gain", 1.0, "seed", null);
        assertConfig(Initializers.get("identity"), "gain", 1.0);
        assertConfig(Initializers.get("constant"), "value", 0.0);
        assertConfig(Initializers.get("zeros"));
    }

    /** The config's entries, in order, as key, value, key, value, ... (values may be null). */
    private static void assertConfig(Initializer init, Object... keysAndValues) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            expected.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        assertThat(List.copyOf(init.getConfig().keySet())).as(init.name()).isEqualTo(List.copyOf(expected.keySet()));
        assertThat(init.getConfig()).as(init.name()).isEqualTo(expected);
    }

    @Test
    void everyInitializerIsRebuiltFromItsConfig() {
        List<Initializer> all = List.of(Initializers.glorotUniform(1), Initializers.heNormal(),
                Initializers.varianceScaling(0.3, "fan_out", "uniform", 9), Initializers.randomUniform(-1, 2, 4),
                Initializers.randomNormal(1, 2), Initializers.truncatedNormal(0, 0.2, 3), Initializers.orthogonal(1.5, 2),
                Initializers.identity(0.5), Initializers.constant(-2), Initializers.zeros(), Initializers.ones());
        for (Initializer init : all) {
            Initializer again = Initializers.fromConfig(init.className(), init.getConfig());
            assertThat(again.name()).isEqualTo(init.name());
            assertThat(again.getConfig()).as(init.toString()).isEqualTo(init.getConfig());
        }
    }

    @Test
    void varianceScalingReadsNormalAsTruncatedNormal() {
        var init = (VarianceScaling) Initializers.varianceScaling(1, "fan_in", "normal");
        assertThat(init.distribution()).isEqualTo("truncated_normal");
    }

    @Test
    void varianceScalingRejectsWhatKerasRejects() {
        assertThatThrownBy(() -> Initializers.varianceScaling(0, "fan_in", "uniform"))
                .hasMessageContaining("`scale` must be positive float. Received: scale=0.0");
        assertThatThrownBy(() -> Initializers.varianceScaling(1, "fan_sum", "uniform"))
                .hasMessageContaining("Invalid `mode` argument: fan_sum");
        assertThatThrownBy(() -> Initializers.varianceScaling(1, "fan_in", "cauchy"))
                .hasMessageContaining("Invalid `distribution` argument: cauchy");
    }

    @Test
    void randomWeightsMustBeFloating() {
        assertThatThrownBy(() -> Initializers.glorotUniform().apply(Shape.of(2, 2), DType.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("glorot_uniform: expected a floating point dtype, got int32");
    }
}
