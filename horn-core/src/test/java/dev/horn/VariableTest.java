package dev.horn;

import dev.horn.autodiff.GradientTape;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariableTest {
    @Test
    void assignOpsChangeTheValue() {
        Variable v = new Variable(tf.zeros(3));
        v.assignAdd(Tensor.of(new float[] {1, 2, 3}));
        v.assignSub(Tensor.of(new float[] {0.5f, 0.5f, 0.5f}));
        assertThat(v.read().toFloatArray()).containsExactly(0.5f, 1.5f, 2.5f);
        v.assign(tf.zeros(3));
        assertThat(v.read().toFloatArray()).containsExactly(0, 0, 0);
    }

    @Test
    void assignOfWrongShapeNamesTheVariable() {
        Variable v = new Variable(tf.zeros(3), "weights", true);
        assertThatThrownBy(() -> v.assign(tf.zeros(4)))
                .hasMessageContaining("weights")
                .hasMessageContaining("[3]")
                .hasMessageContaining("[4]");
    }

    @Test
    void tapeWatchesTrainableVariablesItSeesRead() {
        Variable w = new Variable(Tensor.of(new double[] {2, 3}));
        Variable frozen = new Variable(Tensor.of(new double[] {1, 1}), "frozen", false);
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            loss = tf.reduceSum(w.mul(w.read()).mul(frozen.read()));
        }
        Tensor[] g = tape.gradient(loss, w, frozen);
        assertThat(g[0].toDoubleArray()).containsExactly(4, 6);
        assertThat(g[1]).isNull();
    }

    @Test
    void printsLikeTensorFlow() {
        Variable v = new Variable(Tensor.of(new float[] {1, 2}), "v", true);
        assertThat(v.toString()).isEqualTo("<tf.Variable 'v:0' shape=(2,) dtype=float32, numpy=[1. 2.]>");
    }
}
