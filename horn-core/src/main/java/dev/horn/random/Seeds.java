package dev.horn.random;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where random ops get their keys, with TensorFlow's seed semantics: with a global seed set
 * (see {@link dev.horn.Horn#setSeed}), the n-th random op created afterwards gets the same key
 * in every run of the program; an op seed fixes the key further. Without a global seed, keys
 * come from a seed drawn at start-up, so runs differ.
 */
public final class Seeds {
    private static final long STARTUP = new java.security.SecureRandom().nextLong();
    private static volatile Long global;
    private static final AtomicLong OPS = new AtomicLong();

    private Seeds() {}

    public static void setGlobal(long seed) {
        global = seed;
        OPS.set(0);
    }

    public static Long global() {
        return global;
    }

    /** The 64-bit key of a new random op; opSeed may be null. */
    public static long nextKey(Long opSeed) {
        long g = global != null ? global : STARTUP;
        long op = opSeed != null ? opSeed : OPS.getAndIncrement();
        return mix(g * 0x9E3779B97F4A7C15L + mix(op + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser: spreads nearby seeds over unrelated keys. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
