package dev.horn.graph;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.compiler.CompilerOptions;
import dev.horn.graph.compiler.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionTest {
    @Test
    void tracesOncePerSignatureAndRunsTheGraph() {
        int[] traces = {0};
        Function f = Function.of(x -> {
            traces[0]++;
            return tf.reduceSum(tf.mul(x[0], x[0]));
        });
        assertThat(f.call(Tensor.of(new float[] {1, 2, 3})).item()).isEqualTo(14.0);
        assertThat(f.call(Tensor.of(new float[] {2, 2, 2})).item()).isEqualTo(12.0);
        assertThat(traces[0]).isEqualTo(1);
        assertThat(f.call(Tensor.of(new float[] {1, 1})).item()).isEqualTo(2.0);
        assertThat(f.traceCount()).isEqualTo(2);
    }

    @Test
    void elementwiseChainIsFusedIntoOneStepWithTheSameResult() {
        Function f = Function.of(x -> tf.exp(tf.neg(tf.mul(tf.add(x[0], x[1]), x[0]))));
        Tensor a = Tensor.of(new float[] {0.5f, -1, 2, 0.25f});
        Tensor b = Tensor.of(new float[] {1, 2, 3, 4});
        Tensor expected = tf.exp(tf.neg(tf.mul(tf.add(a, b), a)));
        assertThat(f.call(a, b).valuesEqual(expected)).isTrue();
        Program p = f.concrete(List.of(a.spec(), b.spec())).program();
        assertThat(p.stepCount()).isEqualTo(1);
        assertThat(p.report().fusedAway()).isEqualTo(3);
    }

    @Test
    void fusionHandlesBroadcastInputs() {
        Tensor x = tf.reshape(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}), 2, 3);
        Tensor bias = Tensor.of(new float[] {10, 20, 30});
        Function f = Function.of(in -> tf.mul(tf.add(in[0], in[1]), Tensor.scalar(2f)));
        assertThat(f.call(x, bias).toFloatArray()).containsExactly(22, 44, 66, 28, 50, 72);
    }

    /** The softmax cross-entropy gradient's shape: [rows, 10] against a [rows, 1] sum, a [10] row and a scalar. */
    @Test
    void fusedChainsOverShortBroadcastRowsGiveTheEagerBits() {
        Function f = Function.of(in -> tf.mul(tf.sub(tf.mul(in[1], in[0]), tf.add(in[2], in[3])), in[4]));
        for (int rows : new int[] {1, 7, 128, 3000}) { // 3000 x 10 is past the expanded size: the per-row path
            Tensor p = tf.randomUniform(rows, 10);
            Tensor sum = tf.randomUniform(rows, 1);
            Tensor labels = tf.randomUniform(rows, 10);
            Tensor column = tf.randomUniform(10);
            Tensor scale = Tensor.scalar(1f / 128);
            Tensor expected = tf.mul(tf.sub(tf.mul(sum, p), tf.add(labels, column)), scale);
            assertThat(f.call(p, sum, labels, column, scale).valuesEqual(expected)).as("%d rows", rows).isTrue();
            Program program = f.concrete(List.of(p.spec(), sum.spec(), labels.spec(), column.spec(), scale.spec())).program();
            assertThat(program.stepCount()).isEqualTo(1);
        }
    }

    @Test
    void commonSubexpressionsAreComputedOnce() {
        Function f = Function.of(x -> tf.add(tf.matmul(x[0], x[0]), tf.matmul(x[0], x[0])));
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        assertThat(f.call(a).toFloatArray()).containsExactly(14, 20, 30, 44);
        assertThat(f.concrete(List.of(a.spec())).program().report().merged()).isEqualTo(1);
    }

    @Test
    void constantsAreFoldedAtCompileTime() {
        Tensor c = Tensor.of(new float[] {1, 2});
        Function f = Function.of(x -> tf.add(x[0], tf.mul(c, tf.exp(c))));
        Tensor out = f.call(Tensor.of(new float[] {0, 0}));
        assertThat(out.toFloatArray()).containsExactly((float) Math.exp(1), 2 * (float) Math.exp(2));
        Program p = f.concrete(List.of(out.spec())).program();
        assertThat(p.report().folded()).isEqualTo(2);
        assertThat(p.stepCount()).isEqualTo(1);
    }

    @Test
    void unusedWorkIsPruned() {
        Function f = Function.of(x -> {
            tf.exp(x[0]); // result ignored
            return tf.neg(x[0]);
        });
        Tensor a = Tensor.of(new float[] {1});
        f.call(a);
        assertThat(f.concrete(List.of(a.spec())).program().stepCount()).isEqualTo(1);
    }

    @Test
    void variablesAreReadAndAssignedOnEveryCall() {
        Variable counter = new Variable(tf.zeros(1));
        Function step = Function.of(x -> {
            counter.assignAdd(x[0]);
            return counter.read();
        });
        Tensor one = Tensor.of(new float[] {1});
        step.call(one);
        step.call(one);
        assertThat(step.call(one).toFloatArray()).containsExactly(3);
        assertThat(counter.read().toFloatArray()).containsExactly(3);
    }

    @Test
    void aTrainingStepWithATapeCompilesIntoOneGraph() {
        // fit y = 2x with w starting at 0: loss = mean((w x - y)^2), w -= 0.1 dw
        Variable w = new Variable(Tensor.of(new double[] {0}));
        Function trainStep = Function.of(in -> {
            GradientTape tape = new GradientTape();
            Tensor loss;
            try (tape) {
                loss = tf.reduceMean(tf.pow(tf.sub(tf.mul(w.read(), in[0]), in[1]), Tensor.scalar(2.0)));
            }
            Tensor dw = tape.gradient(loss, w)[0];
            w.assignSub(tf.mul(dw, Tensor.scalar(0.1)));
            return loss;
        });
        Tensor x = Tensor.of(new double[] {1, 2, 3});
        Tensor y = Tensor.of(new double[] {2, 4, 6});
        double first = trainStep.call(x, y).item();
        double last = first;
        for (int i = 0; i < 50; i++) {
            last = trainStep.call(x, y).item();
        }
        assertThat(trainStep.traceCount()).isEqualTo(1);
        assertThat(first).isEqualTo(56.0 / 3);
        assertThat(last).isLessThan(1e-6);
        assertThat(w.read().item()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void bufferPlanningReusesBuffersAndLowersPeakMemory() {
        java.util.function.Function<Tensor[], Tensor> body = x -> {
            Tensor h = x[0];
            for (int i = 0; i < 8; i++) {
                h = tf.matmul(h, x[1]); // matmuls are not fused, so each makes an intermediate
            }
            return h;
        };
        Tensor a = tf.ones(64, 64);
        Tensor b = tf.mul(tf.ones(64, 64), Tensor.scalar(0.01f));
        Function planned = Function.of(body);
        Function unplanned = Function.of(body).withOptions(CompilerOptions.ALL.withBufferPlanning(false));
        Tensor r1 = planned.call(a, b);
        Tensor r2 = unplanned.call(a, b);
        assertThat(r1.valuesEqual(r2)).isTrue();
        planned.call(a, b);
        Program p = planned.concrete(List.of(a.spec(), b.spec())).program();
        Program u = unplanned.concrete(List.of(a.spec(), b.spec())).program();
        assertThat(p.lastMemoryStats().peakLiveBytes()).isLessThan(u.lastMemoryStats().peakLiveBytes());
        assertThat(p.lastMemoryStats().reuses()).isGreaterThan(0);
    }

    @Test
    void aTraceWithAnUnknownBatchDimensionRunsAnyBatchSize() {
        Tensor w = Tensor.of(new float[][] {{1}, {2}, {3}});
        Function f = Function.of(x -> tf.matmul(tf.exp(tf.mul(x[0], Tensor.scalar(0f))), w));
        ConcreteFunction any = f.concrete(List.of(dev.horn.TensorSpec.of(DType.FLOAT32, -1, 3)));
        assertThat(any.call(tf.ones(2, 3))[0].toFloatArray()).containsExactly(6, 6);
        assertThat(any.call(tf.ones(5, 3))[0].shape().dims()).containsExactly(5, 1);
    }

    @Test
    void feedOfTheWrongShapeIsRefused() {
        Graph g = new Graph();
        Tensor x;
        Tensor y;
        try (var scope = g.asDefault()) {
            x = g.placeholder(DType.FLOAT32, -1, 3);
            y = tf.reduceSum(x, 1);
        }
        var program = dev.horn.graph.compiler.Compiler.compile(g.nodes(), List.of((Output) x.producer()),
                List.of((Output) y.producer()), List.of(), CompilerOptions.ALL);
        assertThat(program.run(tf.ones(5, 3))[0].shape().dims()).containsExactly(5);
        assertThatThrownBy(() -> program.run(tf.ones(5, 4)))
                .hasMessageContaining("placeholder")
                .hasMessageContaining("[5, 4]")
                .hasMessageContaining("[None, 3]");
    }

    @Test
    void symbolicTensorsRefuseToGiveValues() {
        Graph g = new Graph();
        try (var scope = g.asDefault()) {
            Tensor x = g.placeholder(DType.FLOAT32, 2);
            assertThatThrownBy(x::toFloatArray).hasMessageContaining("symbolic");
        }
    }

    @Test
    void graphPrintsAsTextAndDot() {
        Graph g = new Graph();
        try (var scope = g.asDefault()) {
            Tensor x = g.placeholder(DType.FLOAT32, -1, 784);
            Tensor w = g.placeholder(DType.FLOAT32, 784, 10);
            tf.matmul(x, w);
        }
        assertThat(g.toText()).contains("matmul = matmul(placeholder, placeholder_1) [transpose_a=false, transpose_b=false] : float32[None, 10]");
        assertThat(g.toDot()).startsWith("digraph horn {").contains("n0 -> n2;").contains("n1 -> n2;");
    }
}
