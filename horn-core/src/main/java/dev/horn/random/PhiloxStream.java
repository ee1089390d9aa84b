package dev.horn.random;

import dev.horn.DType;

/**
 * Blocks {@code first, first + 1, ...} of the Philox stream ({@code key}, {@code stream}) and
 * the distributions drawn from them. Element {@code i} of a tensor always reads the same block
 * and word, as TensorFlow lays them out (four float32 or int32, or two float64 or int64, per
 * block), so any split of {@code [0, n)} into ranges fills the same values.
 */
public record PhiloxStream(long key, long stream, long first) {
    /** Retries of a truncated normal read blocks this far apart, clear of any realistic stream. */
    private static final long RETRY_STRIDE = 1L << 44;
    private static final float FLOAT_EPSILON = 1.0e-7f;
    private static final double DOUBLE_EPSILON = 1.0e-7;
    /** Blocks drawn in lanes at a time: 4 KiB of words, in the L1 cache while they are read. */
    private static final int CHUNK_BLOCKS = 256;

    /** Blocks that {@code n} elements of {@code dtype} take (truncated normal: one per element). */
    public static long blocks(DType dtype, long n, boolean truncated) {
        if (truncated) {
            return n;
        }
        int perBlock = dtype.byteSize() == 8 ? 2 : 4;
        return (n + perBlock - 1) / perBlock;
    }

    private void block(long index, int[] out) {
        Philox.block(key, stream, first + index, out);
    }

    /** Uniform in [lo, hi) for float dtypes, [lo, hi) integers for int dtypes, into {@code out[from, to)}. */
    public void uniform(DType dtype, Object out, int from, int to, double lo, double hi) {
        int[] w = new int[4];
        long last = -1;
        switch (dtype) {
            case FLOAT32 -> {
                float[] o = (float[]) out;
                float l = (float) lo;
                float range = (float) hi - l;
                int[] words = new int[4 * CHUNK_BLOCKS];
                for (int i = from; i < to; ) {
                    int base = drawWords(i, to, words);
                    for (int end = Math.min(to, base + words.length); i < end; i++) {
                        o[i] = unitFloat(words[i - base]) * range + l;
                    }
                }
            }
            case FLOAT64 -> {
                double[] o = (double[]) out;
                for (int i = from; i < to; i++) {
                    last = refresh(i >>> 1, last, w);
                    int j = (i & 1) * 2;
                    o[i] = unitDouble(w[j], w[j + 1]) * (hi - lo) + lo;
                }
            }
            case INT32 -> {
                int[] o = (int[]) out;
                long range = (long) hi - (long) lo;
                for (int i = from; i < to; i++) {
                    last = refresh(i >>> 2, last, w);
                    o[i] = (int) ((long) lo + Long.remainderUnsigned(w[i & 3] & 0xFFFFFFFFL, range));
                }
            }
            case INT64 -> {
                long[] o = (long[]) out;
                long range = (long) hi - (long) lo;
                for (int i = from; i < to; i++) {
                    last = refresh(i >>> 1, last, w);
                    int j = (i & 1) * 2;
                    long bits = (w[j] & 0xFFFFFFFFL) | ((long) w[j + 1] << 32);
                    o[i] = (long) lo + Long.remainderUnsigned(bits, range);
                }
            }
            default -> throw new IllegalArgumentException("random_uniform: unsupported dtype " + dtype);
        }
    }

    /**
     * A dropout mask: {@code scale} where a uniform draw in [0, 1) (as {@link #uniform} draws it)
     * is at least {@code rate}, else 0, into {@code out[from, to)}.
     */
    public void dropoutMask(DType dtype, Object out, int from, int to, double rate, double scale) {
        if (dtype == DType.FLOAT32) {
            float[] o = (float[]) out;
            // unitFloat(w) is exactly (w's 23 low bits) x 2^-23, so the comparison is one on those
            // bits, and the select a mask on the scale's bits: no branch to mispredict on random data
            int threshold = (int) Math.ceil((double) (float) rate * (1 << 23));
            int keepBits = Float.floatToRawIntBits((float) scale);
            int[] words = new int[4 * CHUNK_BLOCKS];
            for (int i = from; i < to; ) {
                int base = drawWords(i, to, words);
                for (int end = Math.min(to, base + words.length); i < end; i++) {
                    int below = ((words[i - base] & 0x7FFFFF) - threshold) >> 31;
                    o[i] = Float.intBitsToFloat(keepBits & ~below);
                }
            }
        } else if (dtype == DType.FLOAT64) {
            double[] o = (double[]) out;
            int[] w = new int[4];
            long last = -1;
            for (int i = from; i < to; i++) {
                last = refresh(i >>> 1, last, w);
                int j = (i & 1) * 2;
                o[i] = unitDouble(w[j], w[j + 1]) >= rate ? scale : 0;
            }
        } else {
            throw new IllegalArgumentException("dropout_mask: expected float32 or float64, got " + dtype);
        }
    }

    /**
     * The words of float32 element i's block and the blocks after it (up to {@link
     * #CHUNK_BLOCKS}, none past element to - 1's), drawn in vector lanes; returns the element
     * whose word is words[0].
     */
    private int drawWords(int i, int to, int[] words) {
        long block = i >>> 2;
        int count = (int) Math.min(CHUNK_BLOCKS, ((to - 1) >>> 2) - block + 1);
        PhiloxLanes.fill(key, stream, first + block, count, words);
        return (int) (block * 4);
    }

    /** Standard normal by Box-Muller, scaled to mean and stddev. */
    public void normal(DType dtype, Object out, int from, int to, double mean, double stddev) {
        int[] w = new int[4];
        long last = -1;
        if (dtype == DType.FLOAT32) {
            float[] o = (float[]) out;
            float m = (float) mean;
            float s = (float) stddev;
            for (int i = from; i < to; i++) {
                last = refresh(i >>> 2, last, w);
                int pair = i & 2;
                o[i] = boxMuller(w[pair], w[pair + 1], (i & 1) == 0) * s + m;
            }
        } else {
            double[] o = (double[]) out;
            for (int i = from; i < to; i++) {
                last = refresh(i >>> 1, last, w);
                o[i] = boxMuller(w, (i & 1) == 0) * stddev + mean;
            }
        }
    }

    /** Normal with samples beyond two standard deviations drawn again, {@code tf.random.truncated_normal}. */
    public void truncatedNormal(DType dtype, Object out, int from, int to, double mean, double stddev) {
        int[] w = new int[4];
        for (int i = from; i < to; i++) {
            double z = Double.NaN;
            for (long attempt = 0; Double.isNaN(z); attempt++) {
                block(i + attempt * RETRY_STRIDE, w);
                if (dtype == DType.FLOAT32) {
                    float a = boxMuller(w[0], w[1], true);
                    float b = boxMuller(w[2], w[3], true);
                    z = Math.abs(a) < 2 ? a : Math.abs(b) < 2 ? b : Double.NaN;
                } else {
                    double a = boxMuller(w, true);
                    z = Math.abs(a) < 2 ? a : Double.NaN;
                }
            }
            if (dtype == DType.FLOAT32) {
                ((float[]) out)[i] = (float) z * (float) stddev + (float) mean;
            } else {
                ((double[]) out)[i] = z * stddev + mean;
            }
        }
    }

    private long refresh(long blockIndex, long last, int[] w) {
        if (blockIndex != last) {
            block(blockIndex, w);
        }
        return blockIndex;
    }

    /** 23 random mantissa bits under exponent 0, minus one: uniform in [0, 1), as TensorFlow. */
    static float unitFloat(int x) {
        return Float.intBitsToFloat(0x3F800000 | (x & 0x7FFFFF)) - 1.0f;
    }

    /** 52 random mantissa bits (20 from x0, 32 from x1) under exponent 0, minus one. */
    static double unitDouble(int x0, int x1) {
        long mantissa = ((long) (x0 & 0xFFFFF) << 32) | (x1 & 0xFFFFFFFFL);
        return Double.longBitsToDouble(0x3FF0000000000000L | mantissa) - 1.0;
    }

    private static float boxMuller(int x0, int x1, boolean first) {
        float u1 = Math.max(unitFloat(x0), FLOAT_EPSILON);
        float v1 = (float) (2 * Math.PI) * unitFloat(x1);
        float radius = (float) Math.sqrt(-2.0f * (float) Math.log(u1));
        return radius * (float) (first ? Math.sin(v1) : Math.cos(v1));
    }

    private static double boxMuller(int[] w, boolean first) {
        double u1 = Math.max(unitDouble(w[0], w[1]), DOUBLE_EPSILON);
        double v1 = 2 * Math.PI * unitDouble(w[2], w[3]);
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        return radius * (first ? Math.sin(v1) : Math.cos(v1));
    }
}
