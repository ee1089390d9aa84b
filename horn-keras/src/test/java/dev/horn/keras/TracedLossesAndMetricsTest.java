package dev.horn.keras;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.ConcreteFunction;
import dev.horn.graph.Function;
import dev.horn.keras.losses.BinaryCrossentropy;
import dev.horn.keras.losses.CategoricalCrossentropy;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.losses.Losses;
import dev.horn.keras.losses.SparseCategoricalCrossentropy;
import dev.horn.keras.metrics.AUC;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.metrics.Metrics;
import dev.horn.keras.metrics.Precision;
import dev.horn.keras.metrics.RootMeanSquaredError;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Expect.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A train step as the model will compile it: loss, its gradient and metric updates traced into
 * one {@link Function}, run twice, and compared with the same step run eagerly.
 */
class TracedLossesAndMetricsTest {
    static final Tensor X = t(new float[][] {{1, 0.5f}, {-1, 2}, {0.3f, -0.7f}, {2, 1}});
    static final Tensor ONE_HOT = t(new float[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}});
    static final Tensor LABELS = Tensor.of(new int[] {1, 0, 2, 1}, 4);
    static final Tensor WEIGHTS = t(1, 0.5f, 2, 1);

    /** A step's outputs, then each metric's result after two steps. */
    private static double[][] twoSteps(boolean traced, Loss loss, boolean onProbabilities, Tensor yTrue,
                                       Supplier<List<Metric>> metricsFactory) {
        Variable kernel = new Variable(t(new float[][] {{0.1f, -0.2f, 0.3f}, {0.4f, 0.05f, -0.1f}}));
        List<Metric> metrics = metricsFactory.get();
        java.util.function.Function<Tensor[], Tensor[]> body = in -> {
            GradientTape tape = new GradientTape();
            Tensor value;
            Tensor logits;
            try (tape) {
                logits = in[0].matmul(kernel.read());
                value = loss.call(in[1], onProbabilities ? tf.softmax(logits) : logits, in[2]);
            }
            Tensor gradient = tape.gradient(value, kernel)[0];
            kernel.assignSub(gradient.mul(0.5));
            Tensor probabilities = tf.softmax(logits);
            for (Metric m : metrics) {
                m.updateState(in[1], m instanceof AUC || m instanceof Precision ? probabilities : logits);
            }
            return new Tensor[] {value, gradient};
        };
        Function step = Function.ofMany(body);
        double[][] out = new double[2 + metrics.size()][];
        for (int i = 0; i < 2; i++) {
            Tensor[] r = traced ? step.callMany(X, yTrue, WEIGHTS) : body.apply(new Tensor[] {X, yTrue, WEIGHTS});
            out[i] = concat(r[0].toDoubleArray(), r[1].toDoubleArray());
        }
        if (traced) {
            assertThat(step.traceCount()).isEqualTo(1);
        }
        for (int m = 0; m < metrics.size(); m++) {
            out[2 + m] = metrics.get(m).result().toDoubleArray();
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void tracedMatchesEager(Loss loss, Tensor yTrue, Supplier<List<Metric>> metrics) {
        tracedMatchesEager(loss, false, yTrue, metrics);
    }

    private static void tracedMatchesEager(Loss loss, boolean onProbabilities, Tensor yTrue, Supplier<List<Metric>> metrics) {
        double[][] eager = twoSteps(false, loss, onProbabilities, yTrue, metrics);
        double[][] traced = twoSteps(true, loss, onProbabilities, yTrue, metrics);
        for (int i = 0; i < eager.length; i++) {
            assertThat(traced[i]).as("output %d", i).containsExactly(eager[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(eager[0][0]).isNotEqualTo(eager[1][0]); // the kernel changed between the steps
    }

    @Test
    void categoricalCrossentropyStepWithMetricsTracesLikeEager() {
        tracedMatchesEager(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1), ONE_HOT,
                () -> List.of(Metrics.get("accuracy", Losses.get("categorical_crossentropy"), dev.horn.Shape.of(-1, 3)),
                        Metrics.get("top_k_categorical_accuracy"), new AUC(), new Precision().topK(1)));
    }

    @Test
    void sparseCrossentropyStepWithMetricsTracesLikeEager() {
        tracedMatchesEager(new SparseCategoricalCrossentropy().fromLogits(true), LABELS,
                () -> List.of(Metrics.get("acc", Losses.get("sparse_categorical_crossentropy"), dev.horn.Shape.of(-1, 3)),
                        Metrics.get("sparse_top_k_categorical_accuracy")));
    }

    @Test
    void everyLossTracesLikeEager() {
        Tensor targets = t(new float[][] {{0.2f, 0.5f, 0.3f}, {1, 0, 0}, {0, 0.4f, 0.6f}, {0.3f, 0.3f, 0.4f}});
        tracedMatchesEager(new BinaryCrossentropy().fromLogits(true), targets,
                () -> List.of(Metrics.get("mse"), new RootMeanSquaredError(), Metrics.get("binary_crossentropy")));
        for (String name : Losses.names()) {
            if (!name.startsWith("sparse")) {
                tracedMatchesEager(Losses.get(name), true, targets, List::of);  // on softmax outputs
            }
        }
    }

    @Test
    void aTraceWithAnUnknownBatchSizeServesAnyBatch() {
        Loss loss = new SparseCategoricalCrossentropy();
        Metric accuracy = Metrics.get("sparse_categorical_accuracy");
        Function f = Function.of(in -> {
            accuracy.updateState(in[0], in[1], in[2]);
            return loss.call(in[0], in[1], in[2]);
        });
        ConcreteFunction any = f.concrete(List.of(TensorSpec.of(DType.INT32, -1), TensorSpec.of(DType.FLOAT32, -1, 3),
                TensorSpec.of(DType.FLOAT32, -1)));
        Tensor p = tf.softmax(X.matmul(t(new float[][] {{0.1f, -0.2f, 0.3f}, {0.4f, 0.05f, -0.1f}})));
        double batchOfFour = any.call(LABELS, p, WEIGHTS)[0].item();
        assertThat(batchOfFour).isCloseTo(loss.call(LABELS, p, WEIGHTS).item(), org.assertj.core.data.Offset.offset(1e-6));
        Tensor two = tf.slice(p, new int[] {0, 0}, new int[] {2, 3});
        double batchOfTwo = any.call(tf.slice(LABELS, new int[] {0}, new int[] {2}), two, t(1, 1))[0].item();
        assertThat(batchOfTwo).isCloseTo(loss.call(tf.slice(LABELS, new int[] {0}, new int[] {2}), two).item(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(accuracy.variables().get(1).read().item()).isEqualTo(6.5); // count: weights 1 + 0.5 + 2 + 1, then 1 + 1
    }
}
