package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every row of the op tables (so every differentiable op): the compiled graph computes
 * what eager execution computes, in float64 and (where the function allows) float32, where
 * fusion and buffer planning are active; and gradients from a tape traced into the graph equal
 * the eager tape's.
 */
class GraphEquivalenceTest {
    static Stream<GradSpec> specs() {
        return OpGradientTest.specs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void graphResultEqualsEagerResult(GradSpec spec) {
        Tensor[] x = GradCheck.randomInputs(spec, new Random(11));
        assertSameInGraph(spec, x);
        Tensor[] x32 = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            x32[i] = tf.cast(x[i], DType.FLOAT32);
        }
        try {
            spec.fn().apply(x32);
        } catch (IllegalArgumentException mixedDtypes) {
            return; // the row builds float64 constants: float64 only
        }
        assertSameInGraph(spec, x32);
    }

    private static void assertSameInGraph(GradSpec spec, Tensor[] x) {
        Tensor eager = spec.fn().apply(x);
        Function f = Function.of(spec.fn()::apply);
        Tensor graph = f.call(x);
        assertThat(graph.spec()).isEqualTo(eager.spec());
        assertThat(graph.toDoubleArray()).as("%s in %s", spec, x[0].dtype()).containsExactly(eager.toDoubleArray());
        assertThat(f.call(x).toDoubleArray()).as("%s second call", spec).containsExactly(eager.toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void gradientsInGraphEqualTapeGradients(GradSpec spec) {
        Tensor[] x = GradCheck.randomInputs(spec, new Random(12));
        Tensor[] eager = gradients(spec, x);
        Function f = Function.ofMany(in -> {
            Tensor[] g = gradients(spec, in);
            for (int i = 0; i < g.length; i++) {
                if (g[i] == null) {
                    g[i] = tf.zerosLike(in[i]);
                }
            }
            return g;
        });
        Tensor[] graph = f.callMany(x);
        for (int i = 0; i < x.length; i++) {
            double[] expected = eager[i] == null ? new double[x[i].size()] : eager[i].toDoubleArray();
            assertThat(graph[i].toDoubleArray()).as("%s d/d input %d", spec, i).containsExactly(expected);
        }
    }

    private static Tensor[] gradients(GradSpec spec, Tensor[] x) {
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            tape.watch(x);
            loss = tf.reduceSum(tf.mul(spec.fn().apply(x), spec.fn().apply(x)));
        }
        return tape.gradient(loss, x);
    }
}
