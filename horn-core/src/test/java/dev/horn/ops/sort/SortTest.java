package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortTest {
    private static final Tensor X = Tensor.of(new double[] {3, 1, 3, 2, 0.5, -2, 7, 0.5}, 2, 4);

    @Test
    void sortAndArgsortMatchNumpyStableSort() {
        assertThat(tf.sort(X).toDoubleArray()).containsExactly(1, 2, 3, 3, -2, 0.5, 0.5, 7);
        Tensor order = tf.argsort(X);
        assertThat(order.dtype()).isEqualTo(DType.INT32);
        assertThat(order.toIntArray()).containsExactly(1, 3, 0, 2, 1, 0, 3, 2);
        assertThat(tf.argsort(X, 0, SortDirection.ASCENDING).toIntArray()).containsExactly(1, 1, 0, 1, 0, 0, 1, 0);
    }

    @Test
    void descendingKeepsTiesInInputOrder() {
        assertThat(tf.argsort(X, -1, SortDirection.DESCENDING).toIntArray()).containsExactly(0, 2, 3, 1, 2, 0, 3, 1);
        assertThat(tf.sort(X, 1, SortDirection.DESCENDING).toDoubleArray()).containsExactly(3, 3, 2, 1, 7, 0.5, 0.5, -2);
    }

    @Test
    void sortWorksForEveryNumericDtypeAndAlongAMiddleAxis() {
        Tensor ints = Tensor.of(new int[] {5, -1, 3, 2, 9, 0}, 3, 2);
        assertThat(tf.sort(ints, 0, SortDirection.ASCENDING).toIntArray()).containsExactly(3, -1, 5, 0, 9, 2);
        long big = 1L << 60;
        Tensor longs = Tensor.of(new long[] {big + 1, big, big + 2});
        assertThat(tf.sort(longs).toLongArray()).containsExactly(big, big + 1, big + 2);
        Tensor f = tf.cast(X.reshape(2, 2, 2), DType.FLOAT32);
        assertThat(tf.sort(f, 1, SortDirection.ASCENDING).toDoubleArray()).containsExactly(3, 1, 3, 2, 0.5, -2, 7, 0.5);
    }

    /** 600 rows of 211 (> 100k elements): the parallel path, against Arrays.sort per row. */
    @Test
    void largeSortMatchesArraysSortPerRow() {
        int rows = 600;
        int n = 211;
        Random random = new Random(5);
        double[] data = new double[rows * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(40);
        }
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            Tensor x = tf.cast(Tensor.of(data, rows, n).reshape(rows, n), dtype);
            double[] sorted = tf.sort(x).toDoubleArray();
            int[] order = tf.argsort(x, 1, SortDirection.DESCENDING).toIntArray();
            for (int r = 0; r < rows; r++) {
                double[] row = Arrays.copyOfRange(data, r * n, (r + 1) * n);
                Integer[] idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -row[i]));
                Arrays.sort(row);
                assertThat(Arrays.copyOfRange(sorted, r * n, (r + 1) * n)).containsExactly(row);
                for (int i = 0; i < n; i++) {
                    assertThat(order[r * n + i]).isEqualTo(idx[i]);
                }
            }
        }
    }

    @Test
    void topKGivesLargestFirstWithLowerIndexOnTies() {
        Tensor[] top = tf.topK(X, 2);
        assertThat(top[0].shape()).isEqualTo(Shape.of(2, 2));
        assertThat(top[0].toDoubleArray()).containsExactly(3, 3, 7, 0.5);
        assertThat(top[1].dtype()).isEqualTo(DType.INT32);
        assertThat(top[1].toIntArray()).containsExactly(0, 2, 2, 0);
        assertThat(tf.topK(Tensor.of(new int[] {4, 8, 1}), 1)[0].toIntArray()).containsExactly(8);
        assertThat(tf.topK(X, 0)[0].shape()).isEqualTo(Shape.of(2, 0));
    }

    @Test
    void topKGradientScattersIntoTheChosenPositions() {
        Tensor x = Tensor.of(new double[] {3, 1, 4, 2, 0.5, -2, 7, 0.25}, 2, 4);
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor values = tf.topK(x, 2)[0];
            g = tape.gradient(tf.mul(values, Tensor.of(new double[] {10, 1, 10, 1}, 2, 2)), x);
        }
        assertThat(g.toDoubleArray()).containsExactly(1, 0, 10, 0, 1, 0, 10, 0);
    }

    @Test
    void sortGradientFollowsEachValueBack() {
        Tensor x = Tensor.of(new double[] {3, 1, 2});
        Tensor g;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            g = tape.gradient(tf.mul(tf.sort(x), Tensor.of(new double[] {1, 2, 3})), x);
        }
        assertThat(g.toDoubleArray()).containsExactly(3, 1, 2);
    }

    @Test
    void badArgumentsNameTheOp() {
        assertThatThrownBy(() -> tf.sort(X, 2, SortDirection.ASCENDING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sort").hasMessageContaining("axis 2").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> tf.argsort(Tensor.scalar(1.0))).hasMessageContaining("argsort")
                .hasMessageContaining("scalar");
        assertThatThrownBy(() -> tf.topK(X, 5)).hasMessageContaining("top_k").hasMessageContaining("k=5")
                .hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> tf.sort(Tensor.of(new boolean[] {true}))).hasMessageContaining("sort")
                .hasMessageContaining("bool");
        assertThatThrownBy(() -> new TakeAlongAxis(1).apply(X, Tensor.of(new int[] {0, 9}, 2, 1)))
                .hasMessageContaining("take_along_axis").hasMessageContaining("index 9");
    }
}
