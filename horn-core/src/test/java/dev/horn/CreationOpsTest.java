package dev.horn;

import org.junit.jupiter.api.Test;

import static dev.horn.Shape.shape;
import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreationOpsTest {
    @Test
    void eyeRangeAndLinspaceMatchTensorFlow() {
        assertThat(tf.eye(2, 3, DType.INT32).toIntArray()).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(tf.range(5).toIntArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(tf.range(10, 1, -3).toIntArray()).containsExactly(10, 7, 4);
        assertThat(tf.range(0, 0, 1).size()).isZero();
        assertThat(tf.range(0.0, 1.0, 0.25, DType.FLOAT32).toFloatArray()).containsExactly(0, 0.25f, 0.5f, 0.75f);
        assertThat(tf.linspace(0, 1, 5).toFloatArray()).containsExactly(0, 0.25f, 0.5f, 0.75f, 1);
        assertThat(tf.linspace(3, 7, 1).toFloatArray()).containsExactly(3);
    }

    @Test
    void filledTensorsWorkThroughEveryKindOfOp() {
        Tensor ones = tf.ones(3, 4); // one stored element, broadcast
        assertThat(tf.add(ones, ones).toFloatArray()).containsOnly(2f);
        assertThat(tf.matmul(ones, tf.ones(4, 2)).toFloatArray()).containsOnly(4f);
        assertThat(tf.reduceSum(ones).item()).isEqualTo(12.0);
        assertThat(tf.reshape(ones, 12).shape().dims()).containsExactly(12);
        assertThat(tf.zeros(shape(2, 2)).toString()).isEqualTo("tf.Tensor(\n[[0. 0.]\n [0. 0.]], shape=(2, 2), dtype=float32)");
        assertThat(tf.fill(7, DType.INT64, 2).toLongArray()).containsExactly(7, 7);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> tf.range(0, 5, 0)).hasMessage("range: delta must not be 0");
        assertThatThrownBy(() -> tf.linspace(0, 1, 0)).hasMessage("linspace: num must be >= 1, got 0");
        assertThatThrownBy(() -> Tensor.of(new float[][] {{1, 2}, {3}})).hasMessageContaining("ragged");
    }
}
