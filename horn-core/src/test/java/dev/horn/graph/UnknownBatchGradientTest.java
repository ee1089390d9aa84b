package dev.horn.graph;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradients traced with an unknown batch size: element counts and broadcasts back to the input
 * come from the run-time shape, so one trace serves every batch and gives the eager gradient.
 */
class UnknownBatchGradientTest {
    private static final TensorSpec ANY_BATCH = TensorSpec.of(DType.FLOAT64, -1, 3);

    /** d loss / d w and d loss / d x, for loss = reduction(x w) with w a [3, 2] variable. */
    private static Tensor[] gradients(Variable w, Tensor x, java.util.function.Function<Tensor, Tensor> reduction) {
        GradientTape tape = new GradientTape(true);
        Tensor loss;
        try (tape) {
            tape.watch(x);
            loss = reduction.apply(tf.matmul(x, w.read()));
        }
        return new Tensor[] {loss, tape.gradient(loss, w)[0], tape.gradient(loss, x)};
    }

    private static void assertTracedGradientsMatchEager(java.util.function.Function<Tensor, Tensor> reduction) {
        Variable w = new Variable(Tensor.of(new double[][] {{1, -2}, {0.5, 3}, {2, 1}}));
        ConcreteFunction traced = Function.ofMany(in -> gradients(w, in[0], reduction)).concrete(List.of(ANY_BATCH));
        for (int batch : new int[] {2, 5}) {
            double[] v = new double[batch * 3];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.25 * i - 1;
            }
            Tensor x = Tensor.of(v).reshape(batch, 3);
            Tensor[] eager = gradients(w, x, reduction);
            Tensor[] graph = traced.call(x);
            for (int i = 0; i < eager.length; i++) {
                assertThat(graph[i].shape()).isEqualTo(eager[i].shape());
                assertThat(graph[i].toDoubleArray()).as("batch %d, output %d", batch, i)
                        .containsExactly(eager[i].toDoubleArray());
            }
        }
    }

    @Test
    void reduceMeanOfEverythingTracesWithAnUnknownBatchSize() {
        assertTracedGradientsMatchEager(y -> tf.reduceMean(y));
    }

    @Test
    void reduceMeanOverTheBatchAxisTracesWithAnUnknownBatchSize() {
        assertTracedGradientsMatchEager(y -> tf.reduceSum(tf.mul(tf.reduceMean(y, 0), Tensor.of(new double[] {1, -1}))));
    }

    @Test
    void reduceMeanOverFeaturesKeepingDimsTracesWithAnUnknownBatchSize() {
        assertTracedGradientsMatchEager(y -> tf.reduceSum(tf.square(tf.reduceMean(y, new int[] {1}, true))));
    }

    @Test
    void reduceSumAndProdTraceWithAnUnknownBatchSize() {
        assertTracedGradientsMatchEager(y -> tf.reduceSum(y));
        assertTracedGradientsMatchEager(y -> tf.reduceSum(tf.reduceProd(y, 0)));
        assertTracedGradientsMatchEager(y -> tf.reduceSum(tf.reduceProd(y, 1)));
    }

    @Test
    void sizeCountsTheFedBatch() {
        ConcreteFunction f = Function.of(in -> tf.size(in[0])).concrete(List.of(ANY_BATCH));
        assertThat(f.call(tf.zeros(DType.FLOAT64, 4, 3))[0].item()).isEqualTo(12.0);
        assertThat(f.call(tf.zeros(DType.FLOAT64, 7, 3))[0].item()).isEqualTo(21.0);
    }
}
