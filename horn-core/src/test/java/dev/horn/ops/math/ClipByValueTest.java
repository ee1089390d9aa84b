package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** clip_by_value: scalar and per-column bounds, integers, large inputs, gradient masks and shape errors. */
class ClipByValueTest {
    @Test
    void clipsToScalarBounds() {
        Tensor x = Tensor.of(new float[] {-3, -1, 0, 1, 3}, 5);
        assertThat(tf.clipByValue(x, -1, 1).toFloatArray()).containsExactly(-1f, -1f, 0f, 1f, 1f);
    }

    @Test
    void clipsEachColumnToItsOwnBounds() {
        Tensor x = Tensor.of(new double[] {5, 5, -5, -5}, 2, 2);
        Tensor lo = Tensor.of(new double[] {0, -1}, 2);
        Tensor hi = Tensor.of(new double[] {1, 2}, 2);
        assertThat(tf.clipByValue(x, lo, hi).toDoubleArray()).containsExactly(1.0, 2.0, 0.0, -1.0);
    }

    @Test
    void clipsIntegers() {
        Tensor x = Tensor.of(new int[] {-7, 2, 9}, 3);
        assertThat(tf.clipByValue(x, 0, 5).toIntArray()).containsExactly(0, 2, 5);
        Tensor y = Tensor.of(new long[] {-7, 2, 9}, 3);
        assertThat(tf.clipByValue(y, 0, 5).toLongArray()).containsExactly(0L, 2L, 5L);
    }

    @Test
    void float32LanesClipLargeInputsWithRowBounds() {
        int rows = 1001;
        int cols = 67;
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 13) - 6;
        }
        float[] lo = new float[cols];
        for (int j = 0; j < cols; j++) {
            lo[j] = -(j % 5);
        }
        float[] got = tf.clipByValue(Tensor.of(v, rows, cols), Tensor.of(lo, cols), Tensor.scalar(3f)).toFloatArray();
        for (int i = 0; i < v.length; i++) {
            assertThat(got[i]).isEqualTo(Math.max(Math.min(v[i], 3f), lo[i % cols]));
        }
    }

    @Test
    void gradientPassesInsideTheBoundsAndGoesToTheBoundThatClipped() {
        Tensor x = Tensor.of(new double[] {-2, -1, 0, 1, 2}, 5);
        Tensor lo = Tensor.scalar(-1.0);
        Tensor hi = Tensor.scalar(1.0);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x, lo, hi);
            Tensor[] g = tape.gradient(tf.reduceSum(tf.clipByValue(x, lo, hi)), x, lo, hi);
            assertThat(g[0].toDoubleArray()).containsExactly(0.0, 1.0, 1.0, 1.0, 0.0);
            assertThat(g[1].item()).isEqualTo(1.0);
            assertThat(g[2].item()).isEqualTo(1.0);
        }
    }

    @Test
    void boundsThatWouldGrowTheShapeAreRejectedNamingBothShapes() {
        Tensor x = tf.zeros(3);
        assertThatThrownBy(() -> tf.clipByValue(x, tf.zeros(2, 3), Tensor.scalar(1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip_by_value").hasMessageContaining("[2, 3]").hasMessageContaining("[3]");
        assertThatThrownBy(() -> tf.clipByValue(x, Tensor.scalar(0f), tf.zeros(4)))
                .hasMessageContaining("clip_value_max").hasMessageContaining("[4]");
    }

    @Test
    void boundsOfAnotherDTypeAreRejected() {
        assertThatThrownBy(() -> tf.clipByValue(tf.zeros(3), Tensor.scalar(0.0), Tensor.scalar(1.0)))
                .hasMessageContaining("clip_by_value").hasMessageContaining("float32").hasMessageContaining("float64");
    }
}
