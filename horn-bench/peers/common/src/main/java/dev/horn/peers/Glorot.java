package dev.horn.peers;

import java.util.SplittableRandom;

/**
 * Keras' glorot_uniform, drawn here once from a seed so that every peer starts from the same
 * weights: U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)). Biases start at zero.
 */
public final class Glorot {
    private Glorot() {}

    /** A row-major [fanIn][fanOut] kernel, as Keras lays out a Dense kernel. */
    public static float[] uniform(int fanIn, int fanOut, long seed) {
        return uniform(fanIn * fanOut, fanIn, fanOut, seed);
    }

    /** {@code count} draws with the limit of these fans (a conv kernel's fans include its receptive field). */
    public static float[] uniform(int count, int fanIn, int fanOut, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[count];
        for (int i = 0; i < w.length; i++) w[i] = (float) random.nextDouble(-limit, limit);
        return w;
    }

    /** The [rows][cols] row-major array as [cols][rows] (for engines whose Dense weight is [out][in]). */
    public static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        }
        return t;
    }
}
