package dev.horn.random;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.graph.Function;
import org.junit.jupiter.api.Test;

import static dev.horn.Shape.shape;
import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RandomOpsTest {
    @Test
    void sameGlobalSeedGivesTheSameTensors() {
        Horn.setSeed(42);
        Tensor a1 = tf.randomUniform(shape(1000));
        Tensor b1 = tf.randomNormal(shape(10));
        Horn.setSeed(42);
        Tensor a2 = tf.randomUniform(shape(1000));
        Tensor b2 = tf.randomNormal(shape(10));
        assertThat(a1.valuesEqual(a2)).isTrue();
        assertThat(b1.valuesEqual(b2)).isTrue();
        assertThat(a1.valuesEqual(tf.randomUniform(shape(1000)))).isFalse();
    }

    @Test
    void opSeedFixesTheStream() {
        Horn.setSeed(1);
        Tensor a = tf.randomUniform(shape(5), 0, 1, DType.FLOAT32, 7L);
        Horn.setSeed(1);
        tf.randomUniform(shape(3)); // another op in between does not matter
        assertThat(tf.randomUniform(shape(5), 0, 1, DType.FLOAT32, 7L).valuesEqual(a)).isTrue();
    }

    @Test
    void elementsDependOnlyOnTheirIndexNotOnTheSplitAcrossThreads() {
        // 100k elements run in parallel chunks; a 10-element tensor runs on one thread: the prefixes agree
        Horn.setSeed(5);
        Tensor big = tf.randomNormal(shape(100_000), 0, 1, DType.FLOAT64, 3L);
        Horn.setSeed(5);
        Tensor small = tf.randomNormal(shape(10), 0, 1, DType.FLOAT64, 3L);
        double[] b = big.toDoubleArray();
        assertThat(java.util.Arrays.copyOf(b, 10)).containsExactly(small.toDoubleArray());
    }

    @Test
    void distributionsHaveTheirMoments() {
        Horn.setSeed(9);
        Tensor u = tf.randomUniform(shape(100_000), -1, 3, DType.FLOAT64, null);
        assertThat(tf.reduceMean(u).item()).isCloseTo(1.0, within(0.02));
        assertThat(tf.reduceMin(u).item()).isGreaterThanOrEqualTo(-1.0);
        assertThat(tf.reduceMax(u).item()).isLessThan(3.0);
        Tensor n = tf.randomNormal(shape(100_000), 2, 3, DType.FLOAT64, null);
        assertThat(tf.reduceMean(n).item()).isCloseTo(2.0, within(0.05));
        assertThat(tf.reduceStd(n).item()).isCloseTo(3.0, within(0.05));
        Tensor t = tf.truncatedNormal(shape(100_000), 0, 1, DType.FLOAT64, null);
        assertThat(tf.reduceMax(tf.abs(t)).item()).isLessThanOrEqualTo(2.0);
        assertThat(tf.reduceStd(t).item()).isCloseTo(0.8796, within(0.01)); // std of N(0,1) truncated at 2
        Tensor bern = tf.randomBernoulli(shape(100_000), 0.3);
        assertThat(tf.reduceMean(bern).item()).isCloseTo(0.3, within(0.01));
        Tensor ints = tf.randomUniform(shape(10_000), 0, 10, DType.INT32, null);
        assertThat(tf.reduceMin(ints).item()).isEqualTo(0);
        assertThat(tf.reduceMax(ints).item()).isEqualTo(9);
    }

    @Test
    void inAGraphEveryCallDrawsNewNumbers() {
        Horn.setSeed(3);
        Function f = Function.of(x -> tf.add(x[0], tf.randomUniform(shape(4))));
        Tensor zero = tf.zeros(4);
        Tensor first = f.call(zero);
        Tensor second = f.call(zero);
        assertThat(first.valuesEqual(second)).isFalse();
        Horn.setSeed(3);
        Function again = Function.of(x -> tf.add(x[0], tf.randomUniform(shape(4))));
        assertThat(again.call(zero).valuesEqual(first)).isTrue();
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> tf.randomUniform(shape(2), 1, 1)).hasMessageContaining("random_uniform: minval 1.0 must be less than maxval 1.0");
        assertThatThrownBy(() -> tf.randomBernoulli(shape(2), 1.5)).hasMessageContaining("probability must be in [0, 1]");
        assertThatThrownBy(() -> tf.randomNormal(shape(2), 0, 1, DType.INT32, null)).hasMessageContaining("unsupported dtype int32");
    }
}
