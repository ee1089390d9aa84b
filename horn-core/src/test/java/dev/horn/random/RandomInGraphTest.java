package dev.horn.random;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.graph.Function;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Random ops are stateful ops: a compiled program draws new numbers on every call, reproducibly. */
class RandomInGraphTest {
    @Test
    void everyCallOfACompiledProgramDrawsNewNumbers() {
        Horn.setSeed(3);
        Function f = Function.of(x -> tf.add(x[0], tf.randomUniform(4)));
        Tensor zero = tf.zeros(4);
        Tensor first = f.call(zero);
        Tensor second = f.call(zero);
        assertThat(first.valuesEqual(second)).isFalse();
        Horn.setSeed(3);
        Function again = Function.of(x -> tf.add(x[0], tf.randomUniform(4)));
        assertThat(again.call(zero).valuesEqual(first)).isTrue();
    }

    @Test
    void randomOpsAreNeitherFoldedNorMerged() {
        Function f = Function.of(x -> tf.sub(tf.randomNormal(8), tf.randomNormal(8)));
        Tensor out = f.call(tf.zeros(1));
        assertThat(tf.reduceMax(tf.abs(out)).item()).isGreaterThan(0.0);
    }

    @Test
    void badParametersAreNamedBeforeAnythingRuns() {
        assertThatThrownBy(() -> tf.randomNormal(new int[] {2}, 0, -1)).hasMessageContaining("random_normal: stddev must be >= 0");
    }
}
