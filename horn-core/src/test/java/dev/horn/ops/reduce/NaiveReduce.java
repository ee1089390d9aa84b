package dev.horn.ops.reduce;

import dev.horn.Shape;
import java.util.function.DoubleBinaryOperator;

/** A slow, obviously correct reduction in double precision, for checking the kernels. */
final class NaiveReduce {
    private NaiveReduce() {}

    /** Reduces {@code data} of {@code shape} over {@code axes} (none = all), row-major result with axes dropped. */
    static double[] reduce(double[] data, int[] shape, int[] axes, double identity, DoubleBinaryOperator op) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a < 0 ? a + rank : a] = true;
        }
        if (axes.length == 0) {
            java.util.Arrays.fill(reduced, true);
        }
        int outSize = 1;
        for (int ax = 0; ax < rank; ax++) {
            outSize *= reduced[ax] ? 1 : shape[ax];
        }
        double[] out = new double[outSize];
        java.util.Arrays.fill(out, identity);
        int[] index = new int[rank];
        for (int flat = 0; flat < data.length; flat++) {
            int rem = flat;
            for (int ax = rank - 1; ax >= 0; ax--) {
                index[ax] = rem % shape[ax];
                rem /= shape[ax];
            }
            int o = 0;
            for (int ax = 0; ax < rank; ax++) {
                if (!reduced[ax]) {
                    o = o * shape[ax] + index[ax];
                }
            }
            out[o] = op.applyAsDouble(out[o], data[flat]);
        }
        return out;
    }

    static int count(int[] shape, int[] axes) {
        if (axes.length == 0) {
            return Shape.of(shape).size();
        }
        int c = 1;
        for (int a : axes) {
            c *= shape[a < 0 ? a + shape.length : a];
        }
        return c;
    }
}
