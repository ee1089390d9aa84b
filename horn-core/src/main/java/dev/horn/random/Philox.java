package dev.horn.random;

/**
 * Philox4x32-10, the counter-based generator of Salmon et al., "Parallel random numbers: as
 * easy as 1, 2, 3" (SC 2011), as TensorFlow uses it: a 128-bit counter and a 64-bit key give
 * four independent 32-bit words through ten rounds of multiply-and-xor. No state: block
 * {@code i} of a stream can be computed without computing blocks before it, which is what
 * makes parallel generation independent of how the work is split.
 */
public final class Philox {
    static final int M0 = 0xD2511F53;
    static final int M1 = 0xCD9E8D57;
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    static final int ROUNDS = 10;

    private Philox() {}

    /** The four output words for counter (c0, c1, c2, c3) and key (k0, k1), into {@code out[0..3]}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < ROUNDS; r++) {
            if (r > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /**
     * Block number {@code index} of the stream ({@code key}, {@code stream}): the counter's low
     * 64 bits are the index, its high 64 bits the stream, as TensorFlow's {@code PhiloxRandom(seed, seed2)}.
     */
    public static void block(long key, long stream, long index, int[] out) {
        block((int) index, (int) (index >>> 32), (int) stream, (int) (stream >>> 32), (int) key, (int) (key >>> 32), out);
    }
}
