package dev.horn;

import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreationOpsTest {
    @Test
    void eyeIsSquareFloat32Identity() {
        Tensor e = tf.eye(3);
        assertThat(e.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(e.toFloatArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void eyeRectangularHasOnesOnTheMainDiagonal() {
        assertThat(tf.eye(2, 3, DType.INT32).toIntArray()).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(tf.eye(3, 2, DType.FLOAT64).toDoubleArray()).containsExactly(1, 0, 0, 1, 0, 0);
        assertThat(tf.eye(2, 2, DType.BOOL).toBooleanArray()).containsExactly(true, false, false, true);
        assertThat(tf.eye(0).shape()).isEqualTo(Shape.of(0, 0));
    }

    @Test
    void rangeOfIntsIsInt32() {
        Tensor r = tf.range(5);
        assertThat(r.dtype()).isEqualTo(DType.INT32);
        assertThat(r.toIntArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(tf.range(3, 18, 3).toIntArray()).containsExactly(3, 6, 9, 12, 15);
        assertThat(tf.range(10, 1, -3).toIntArray()).containsExactly(10, 7, 4);
        assertThat(tf.range(1, 8, 3).toIntArray()).containsExactly(1, 4, 7);
    }

    @Test
    void rangeOfDoublesIsFloat32() {
        Tensor r = tf.range(0, 1, 0.25);
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatArray()).containsExactly(0f, 0.25f, 0.5f, 0.75f);
        assertThat(tf.range(3, 1.5, -0.5, DType.FLOAT64).toDoubleArray()).containsExactly(3, 2.5, 2);
        assertThat(tf.range(0, 1, 0.3, DType.FLOAT64).size()).isEqualTo(4); // ceil(1 / 0.3)
        assertThat(tf.range(2, 7, 2, DType.INT64).toLongArray()).containsExactly(2L, 4L, 6L);
    }

    @Test
    void rangeIsEmptyWhenStartEqualsLimit() {
        assertThat(tf.range(0).shape()).isEqualTo(Shape.of(0));
        assertThat(tf.range(4, 4, -1).size()).isZero();
        assertThat(tf.range(1.5, 1.5, 0.1).size()).isZero();
    }

    @Test
    void rangeRejectsZeroDeltaAndWrongDirection() {
        assertThatThrownBy(() -> tf.range(0, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range").hasMessageContaining("delta != 0");
        assertThatThrownBy(() -> tf.range(5, 1, 1)).hasMessageContaining("requires start <= limit when delta > 0")
                .hasMessageContaining("start=5, limit=1");
        assertThatThrownBy(() -> tf.range(1, 5, -1)).hasMessageContaining("requires start >= limit when delta < 0");
        assertThatThrownBy(() -> tf.range(0, 5, 1, DType.BOOL)).hasMessageContaining("numeric");
    }

    @Test
    void linspaceIncludesBothEnds() {
        Tensor l = tf.linspace(10, 12, 3);
        assertThat(l.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(l.toFloatArray()).containsExactly(10f, 11f, 12f);
        assertThat(tf.linspace(0, 1, 4, DType.FLOAT64).toDoubleArray()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1);
        assertThat(tf.linspace(0, 0.3, 7).toFloatArray()[6]).isEqualTo(0.3f);
        assertThat(tf.linspace(5, -5, 3).toFloatArray()).containsExactly(5f, 0f, -5f);
    }

    @Test
    void linspaceOfOneIsStart() {
        assertThat(tf.linspace(2.5, 9, 1).toFloatArray()).containsExactly(2.5f);
    }

    @Test
    void linspaceRejectsNonPositiveNum() {
        assertThatThrownBy(() -> tf.linspace(0, 1, 0)).hasMessageContaining("linspace").hasMessageContaining("num > 0");
        assertThatThrownBy(() -> tf.linspace(0, 1, 3, DType.INT32)).hasMessageContaining("int32");
    }

    @Test
    void zerosAndOnesCoverEveryDtype() {
        assertThat(tf.zeros(DType.INT64, 2).toLongArray()).containsExactly(0L, 0L);
        assertThat(tf.zeros(DType.BOOL, 2).toBooleanArray()).containsExactly(false, false);
        assertThat(tf.zeros(DType.STRING, 2).toStringArray()).containsExactly("", "");
        assertThat(tf.ones(DType.INT32, 3).toIntArray()).containsExactly(1, 1, 1);
        assertThat(tf.ones(DType.FLOAT64, 1, 2).toDoubleArray()).containsExactly(1, 1);
        assertThat(tf.ones(DType.BOOL, 2).toBooleanArray()).containsExactly(true, true);
        assertThatThrownBy(() -> tf.ones(DType.STRING, 2)).hasMessageContaining("ones").hasMessageContaining("string");
    }

    @Test
    void fillTakesAnyDtype() {
        assertThat(tf.fill(7, DType.INT32, 2, 2).toIntArray()).containsExactly(7, 7, 7, 7);
        assertThat(tf.fill(2.5f, 3).toFloatArray()).containsExactly(2.5f, 2.5f, 2.5f);
        assertThat(tf.fill(true, 2).toBooleanArray()).containsExactly(true, true);
        assertThat(tf.fill("hi", 2).toStringArray()).containsExactly("hi", "hi");
        assertThat(tf.fill(new int[] {2}, Tensor.scalar(9L)).toLongArray()).containsExactly(9L, 9L);
        assertThat(tf.fill(3, DType.FLOAT32).shape()).isEqualTo(Shape.scalar());
        assertThat(tf.fill(3, DType.FLOAT32, 0, 4).size()).isZero();
        assertThatThrownBy(() -> tf.fill(new int[] {2}, Tensor.of(new float[] {1, 2})))
                .hasMessageContaining("fill").hasMessageContaining("[2]");
    }

    @Test
    void likeVariantsKeepShape() {
        Tensor x = Tensor.of(new int[][] {{1, 2, 3}});
        assertThat(tf.zerosLike(x).toIntArray()).containsExactly(0, 0, 0);
        assertThat(tf.onesLike(x).dtype()).isEqualTo(DType.INT32);
        assertThat(tf.onesLike(x, DType.FLOAT64).shape()).isEqualTo(Shape.of(1, 3));
        assertThat(tf.zerosLike(x, DType.BOOL).dtype()).isEqualTo(DType.BOOL);
    }

    // ---- fill is a stride-0 view: every op path must read it as a plain tensor ----

    @Test
    void onesViewStoresOneElement() {
        Tensor ones = tf.ones(3, 4);
        assertThat(java.lang.reflect.Array.getLength(ones.storage())).isEqualTo(1);
        assertThat(ones.strides()).containsExactly(0, 0);
    }

    @Test
    void onesViewThroughAdd() {
        Tensor y = tf.add(tf.ones(3, 4), Tensor.of(new float[] {1, 2, 3, 4}));
        assertThat(y.toFloatArray()).containsExactly(2, 3, 4, 5, 2, 3, 4, 5, 2, 3, 4, 5);
        assertThat(tf.ones(3, 4).add(tf.ones(3, 4)).toFloatArray()).containsOnly(2f).hasSize(12);
    }

    @Test
    void onesViewThroughMatmul() {
        Tensor y = tf.matmul(tf.ones(3, 4), tf.ones(4, 2));
        assertThat(y.toFloatArray()).containsOnly(4f).hasSize(6);
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}});
        assertThat(a.matmul(tf.ones(3, 2)).toFloatArray()).containsExactly(6, 6);
    }

    @Test
    void onesViewThroughReductions() {
        assertThat(tf.reduceSum(tf.ones(3, 4)).floatValue()).isEqualTo(12f);
        assertThat(tf.reduceSum(tf.ones(3, 4), 0).toFloatArray()).containsExactly(3, 3, 3, 3);
        assertThat(tf.reduceMean(tf.ones(3, 4), 1).toFloatArray()).containsExactly(1, 1, 1);
        assertThat(tf.reduceSum(tf.fill(2, DType.FLOAT64, 2, 3, 4), new int[] {0, 2}, false).toDoubleArray())
                .containsExactly(16, 16, 16);
    }

    @Test
    void onesViewThroughReshapeAndTranspose() {
        Tensor r = tf.ones(3, 4).reshape(2, 6);
        assertThat(r.shape()).isEqualTo(Shape.of(2, 6));
        assertThat(r.toFloatArray()).containsOnly(1f).hasSize(12);
        assertThat(tf.ones(3, 4).transpose(1, 0).toFloatArray()).containsOnly(1f).hasSize(12);
    }

    @Test
    void onesViewThroughConversionsAndPrinting() {
        Tensor ones = tf.ones(3, 4);
        assertThat(ones.toFloatArray()).containsOnly(1f).hasSize(12);
        assertThat(ones.toIntArray()).containsOnly(1).hasSize(12);
        assertThat(ones.getDouble(2, 3)).isEqualTo(1);
        assertThat(ones.valuesEqual(Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 3, 4))).isTrue();
        assertThat(ones.toString()).isEqualTo("tf.Tensor(\n[[1. 1. 1. 1.]\n [1. 1. 1. 1.]\n [1. 1. 1. 1.]], shape=(3, 4), dtype=float32)");
        assertThat(tf.cast(ones, DType.INT64).toLongArray()).containsOnly(1L).hasSize(12);
        assertThat(tf.exp(tf.zeros(2).add(tf.ones(2))).toFloatArray()).containsOnly((float) Math.E);
    }
}
