package dev.horn.internal.cpu;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Test arguments for GEMM kernels: each (m, k, n) of a table with the four transpose combinations, and operands to fill. */
final class GemmShapes {
    private GemmShapes() {}

    static Stream<Arguments> withTransposes(int[][] mkn) {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] s : mkn) {
            for (int t = 0; t < 4; t++) {
                b.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        return b.build();
    }

    /** n floats drawn uniformly from [-1, 1). */
    static float[] uniform(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
