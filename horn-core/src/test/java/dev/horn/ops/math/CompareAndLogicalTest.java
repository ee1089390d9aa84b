package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comparisons and logical ops: truth tables, NaN, integers, bools and strings, broadcasting and errors. */
class CompareAndLogicalTest {
    private static final Tensor A = Tensor.of(new double[] {1, 2, 3, Double.NaN}, 4);
    private static final Tensor B = Tensor.of(new double[] {2, 2, 2, Double.NaN}, 4);

    @Test
    void comparisonsOfFloatsWithNaNFalseExceptNotEqual() {
        assertThat(tf.less(A, B).toBooleanArray()).containsExactly(true, false, false, false);
        assertThat(tf.lessEqual(A, B).toBooleanArray()).containsExactly(true, true, false, false);
        assertThat(tf.greater(A, B).toBooleanArray()).containsExactly(false, false, true, false);
        assertThat(tf.greaterEqual(A, B).toBooleanArray()).containsExactly(false, true, true, false);
        assertThat(tf.equal(A, B).toBooleanArray()).containsExactly(false, true, false, false);
        assertThat(tf.notEqual(A, B).toBooleanArray()).containsExactly(true, false, true, true);
        assertThat(tf.less(A, B).dtype()).isEqualTo(DType.BOOL);
    }

    /** The float32 kernel compares whole vectors; it must agree with Java's scalar comparisons, tails and NaN included. */
    @Test
    void float32VectorComparisonsMatchScalarRules() {
        int n = 16 * 4 + 5;
        float[] a = new float[n];
        float[] b = new float[n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            a[i] = i % 11 == 0 ? Float.NaN : r.nextInt(3);
            b[i] = i % 13 == 0 ? Float.NaN : r.nextInt(3);
        }
        Tensor ta = Tensor.of(a, n);
        Tensor tb = Tensor.of(b, n);
        Tensor one = Tensor.scalar(1f);
        boolean[][] got = {tf.less(ta, tb).toBooleanArray(), tf.lessEqual(ta, tb).toBooleanArray(),
            tf.greater(ta, tb).toBooleanArray(), tf.greaterEqual(ta, tb).toBooleanArray(),
            tf.equal(ta, tb).toBooleanArray(), tf.notEqual(ta, tb).toBooleanArray(),
            tf.greater(ta, one).toBooleanArray(), tf.less(one, tb).toBooleanArray()};
        for (int i = 0; i < n; i++) {
            assertThat(new boolean[] {got[0][i], got[1][i], got[2][i], got[3][i], got[4][i], got[5][i], got[6][i], got[7][i]})
                    .as("element %d: %s vs %s", i, a[i], b[i])
                    .containsExactly(a[i] < b[i], a[i] <= b[i], a[i] > b[i], a[i] >= b[i], a[i] == b[i], a[i] != b[i],
                            a[i] > 1f, 1f < b[i]);
        }
    }

    @Test
    void int64ComparisonsAreExactBeyondDoublePrecision() {
        Tensor a = Tensor.of(new long[] {(1L << 53) + 1}, 1);
        Tensor b = Tensor.of(new long[] {1L << 53}, 1);
        assertThat(tf.equal(a, b).toBooleanArray()).containsExactly(false);
        assertThat(tf.greaterEqual(a, b).toBooleanArray()).containsExactly(true);
        assertThat(tf.less(b, a).toBooleanArray()).containsExactly(true);
    }

    @Test
    void comparisonsBroadcastAScalar() {
        Tensor x = Tensor.of(new int[] {1, 5, 3, 7}, 2, 2);
        Tensor t = tf.lessEqual(x, Tensor.scalar(3));
        assertThat(t.shape().dims()).containsExactly(2, 2);
        assertThat(t.toBooleanArray()).containsExactly(true, false, true, false);
    }

    @Test
    void equalAndNotEqualAcceptBoolsAndStrings() {
        Tensor p = Tensor.of(new boolean[] {true, true, false, false}, 4);
        Tensor q = Tensor.of(new boolean[] {true, false, true, false}, 4);
        assertThat(tf.equal(p, q).toBooleanArray()).containsExactly(true, false, false, true);
        assertThat(tf.notEqual(p, q).toBooleanArray()).containsExactly(false, true, true, false);
        Tensor s = Tensor.of(new String[] {"cat", "dog"}, 2);
        assertThat(tf.equal(s, Tensor.of(new String[] {"cat"}, 1)).toBooleanArray()).containsExactly(true, false);
        assertThat(tf.notEqual(s, Tensor.of(new String[] {"cat"}, 1)).toBooleanArray()).containsExactly(false, true);
    }

    @Test
    void logicalTruthTables() {
        Tensor p = Tensor.of(new boolean[] {true, true, false, false}, 4);
        Tensor q = Tensor.of(new boolean[] {true, false, true, false}, 4);
        assertThat(tf.logicalAnd(p, q).toBooleanArray()).containsExactly(true, false, false, false);
        assertThat(tf.logicalOr(p, q).toBooleanArray()).containsExactly(true, true, true, false);
        assertThat(tf.logicalXor(p, q).toBooleanArray()).containsExactly(false, true, true, false);
        assertThat(tf.logicalNot(p).toBooleanArray()).containsExactly(false, false, true, true);
    }

    @Test
    void logicalOpsBroadcastAColumnAgainstARow() {
        Tensor col = Tensor.of(new boolean[] {true, false}, 2, 1);
        Tensor row = Tensor.of(new boolean[] {true, false, true}, 3);
        Tensor and = tf.logicalAnd(col, row);
        assertThat(and.shape().dims()).containsExactly(2, 3);
        assertThat(and.toBooleanArray()).containsExactly(true, false, true, false, false, false);
    }

    @Test
    void logicalNotReadsAStridedView() {
        Tensor m = Tensor.of(new boolean[] {true, false, false, false}, 2, 2);
        assertThat(tf.logicalNot(tf.transpose(m, 1, 0)).toBooleanArray()).containsExactly(false, true, true, true);
    }

    @Test
    void logicalOpsRejectNonBoolInputsNamingTheOpAndDType() {
        Tensor f = Tensor.of(new float[] {1}, 1);
        Tensor t = Tensor.of(new boolean[] {true}, 1);
        assertThatThrownBy(() -> tf.logicalAnd(t, f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logical_and").hasMessageContaining("float32");
        assertThatThrownBy(() -> tf.logicalNot(f)).hasMessageContaining("logical_not").hasMessageContaining("float32");
    }

    @Test
    void comparisonsRejectMixedDTypesAndUnbroadcastableShapes() {
        assertThatThrownBy(() -> tf.less(Tensor.of(new int[] {1}, 1), Tensor.of(new long[] {1}, 1)))
                .hasMessageContaining("less").hasMessageContaining("int32").hasMessageContaining("int64");
        assertThatThrownBy(() -> tf.equal(Tensor.of(new boolean[] {true}, 1), Tensor.of(new int[] {1}, 1)))
                .hasMessageContaining("equal").hasMessageContaining("bool").hasMessageContaining("int32");
        assertThatThrownBy(() -> tf.logicalOr(tf.zeros(DType.BOOL, 2), tf.zeros(DType.BOOL, 3)))
                .hasMessageContaining("logical_or").hasMessageContaining("[2]").hasMessageContaining("[3]");
        assertThatThrownBy(() -> tf.notEqual(tf.zeros(3, 2), tf.zeros(3)))
                .hasMessageContaining("not_equal").hasMessageContaining("[3, 2]").hasMessageContaining("[3]");
    }
}
