package dev.horn.optimizers;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Function;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole training step (loss, tape, optimizer update) traced into one graph gives the eager step's numbers. */
class OptimizerInGraphTest {
    static List<Supplier<Optimizer>> optimizers() {
        return List.of(SGD::new, () -> new SGD().momentum(0.9).nesterov(true), RMSprop::new, Adam::new, AdamW::new,
                Adagrad::new, Adadelta::new, Adamax::new, Nadam::new);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void tracedStepsMatchEagerSteps(Supplier<Optimizer> make) {
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, -1}, {0.5, 0.5}});
        Tensor y = Tensor.of(new double[] {1, -1, 0.25}).reshape(3, 1);
        Variable wEager = new Variable(Tensor.of(new double[][] {{0.1}, {-0.2}}));
        Variable wGraph = new Variable(Tensor.of(new double[][] {{0.1}, {-0.2}}));
        Optimizer eager = make.get();
        Optimizer graph = make.get();
        Function step = Function.of(in -> graph.minimize(() -> loss(wGraph, in[0], in[1]), List.of(wGraph)));
        for (int i = 0; i < 4; i++) {
            double eagerLoss = eager.minimize(() -> loss(wEager, x, y), List.of(wEager)).item();
            double graphLoss = step.call(x, y).item();
            assertThat(graphLoss).as("%s step %d loss", eager.name(), i).isEqualTo(eagerLoss);
        }
        assertThat(wGraph.read().toDoubleArray()).containsExactly(wEager.read().toDoubleArray());
        assertThat(graph.iterations().read().item()).isEqualTo(4.0);
        assertThat(step.traceCount()).isEqualTo(1);
    }

    private static Tensor loss(Variable w, Tensor x, Tensor y) {
        return tf.reduceMean(tf.square(tf.sub(tf.matmul(x, w.read()), y)));
    }
}
