package dev.horn.internal.cpu;

import dev.horn.Shape;
import dev.horn.Tensor;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** Broadcasting element-wise results against a naive index-by-index reference. */
class BroadcastLoopTest {
    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = ';', value = {
        "3,4;3,4", "3,4;4", "3,4;3,1", "3,1;1,4", "2,3,4;3,1", "2,1,4;1,3,1", "5;''", "1;7",
        "2,3,4,5;5", "2,3,4,5;2,1,4,1", "300,301;301", "300,301;300,1", "70000;70000", "4,70000;1,70000"})
    void addMatchesNaiveBroadcasting(String a, String b) {
        int[] da = dims(a);
        int[] db = dims(b);
        Random random = new Random(7);
        Tensor x = random(da, random);
        Tensor y = random(db, random);
        Tensor z = tf.add(x, y);
        Shape out = Shape.broadcast(Shape.of(da), Shape.of(db));
        assertThat(z.shape()).isEqualTo(out);
        float[] got = z.toFloatArray();
        for (int i = 0; i < out.size(); i++) {
            int[] idx = unravel(i, out.dims());
            double expected = x.getDouble(project(idx, da)) + y.getDouble(project(idx, db));
            assertThat((double) got[i]).isEqualTo((float) expected);
        }
    }

    @ParameterizedTest(name = "transposed {0}")
    @CsvSource(delimiter = ';', value = {"3,5", "17,33", "64,300"})
    void stridedViewsAreReadCorrectly(String a) {
        int[] d = dims(a);
        Tensor x = random(d, new Random(3));
        Tensor t = x.transpose();
        Tensor z = tf.mul(t, t);
        for (int i = 0; i < d[1]; i++) {
            for (int j = 0; j < d[0]; j++) {
                double v = x.getDouble(j, i);
                assertThat(z.getDouble(i, j)).isEqualTo((float) (v * v));
            }
        }
    }

    private static Tensor random(int[] dims, Random random) {
        int n = Shape.of(dims).size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(v, dims).reshape(dims);
    }

    private static int[] dims(String s) {
        if (s.isBlank()) {
            return new int[0];
        }
        return java.util.Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
        return idx;
    }

    private static int[] project(int[] idx, int[] dims) {
        int[] p = new int[dims.length];
        int shift = idx.length - dims.length;
        for (int i = 0; i < dims.length; i++) {
            p[i] = dims[i] == 1 ? 0 : idx[i + shift];
        }
        return p;
    }
}
