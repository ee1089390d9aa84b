package dev.horn.random;

/**
 * The Philox4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3", SC 2011), as TensorFlow uses: a keyed bijection of a 128-bit
 * counter. Element i of a random tensor comes from counter i alone, so any split of the work
 * across threads gives the same numbers.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;

    private Philox() {}

    /** Ten rounds on counter (c0..c3) with key (k0, k1); writes four 32-bit words into out. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < 10; round++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32);
            int lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32);
            int lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** A float uniform in [0, 1) from the top 24 bits of a word. */
    public static float toFloat(int word) {
        return (word >>> 8) * 0x1.0p-24f;
    }

    /** A double uniform in [0, 1) from 53 bits of two words. */
    public static double toDouble(int high, int low) {
        long bits = ((high & 0xFFFFFFFFL) << 21) ^ ((low & 0xFFFFFFFFL) >>> 11);
        return (bits & ((1L << 53) - 1)) * 0x1.0p-53;
    }
}
