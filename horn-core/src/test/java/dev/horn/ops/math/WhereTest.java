package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** where against a scalar reference: vector and tail paths, broadcast operands and conditions, every dtype. */
class WhereTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 65_536 + 5})
    void float32SelectsElementwiseAtEverySize(int n) {
        Random r = new Random(n);
        boolean[] c = new boolean[n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextBoolean();
            a[i] = r.nextFloat();
            b[i] = -r.nextFloat();
        }
        float[] got = tf.where(Tensor.of(c, n), Tensor.of(a, n), Tensor.of(b, n)).toFloatArray();
        float[] zeroElse = tf.where(Tensor.of(c, n), Tensor.of(a, n), tf.zeros(n)).toFloatArray();
        float[] scalarThen = tf.where(Tensor.of(c, n), Tensor.scalar(2f), Tensor.of(b, n)).toFloatArray();
        for (int i = 0; i < n; i++) {
            assertThat(got[i]).isEqualTo(c[i] ? a[i] : b[i]);
            assertThat(zeroElse[i]).isEqualTo(c[i] ? a[i] : 0f);
            assertThat(scalarThen[i]).isEqualTo(c[i] ? 2f : b[i]);
        }
    }

    @Test
    void broadcastConditionAcrossRows() {
        Tensor cond = Tensor.of(new boolean[] {true, false, true}, 3);
        Tensor x = tf.reshape(tf.cast(tf.range(6), DType.FLOAT32), 2, 3);
        assertThat(tf.where(cond, x, tf.neg(x)).toFloatArray()).containsExactly(0f, -1f, 2f, 3f, -4f, 5f);
    }

    @Test
    void otherDtypes() {
        Tensor cond = Tensor.of(new boolean[] {true, false}, 2);
        assertThat(tf.where(cond, Tensor.of(new double[] {1, 2}, 2), Tensor.of(new double[] {3, 4}, 2)).toDoubleArray())
                .containsExactly(1, 4);
        assertThat(tf.where(cond, Tensor.of(new int[] {1, 2}, 2), Tensor.of(new int[] {3, 4}, 2)).toIntArray())
                .containsExactly(1, 4);
        assertThat(tf.where(cond, Tensor.of(new long[] {1, 2}, 2), Tensor.of(new long[] {3, 4}, 2)).toLongArray())
                .containsExactly(1L, 4L);
        assertThat(tf.where(cond, Tensor.of(new boolean[] {true, true}, 2), Tensor.of(new boolean[] {false, false}, 2))
                .toBooleanArray()).containsExactly(true, false);
        assertThat(tf.where(cond, Tensor.of(new String[] {"a", "b"}, 2), Tensor.of(new String[] {"c", "d"}, 2))
                .toStringArray()).containsExactly("a", "d");
    }
}
