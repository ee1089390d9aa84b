package dev.horn.random;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TensorFlow's seed rules ({@code tf.random.set_seed}): which Philox stream a random op draws from.
 *
 * <ul>
 *   <li>global seed and op seed: the pair names the stream;
 *   <li>global seed only: the op seed is the next of a sequence derived from the global seed,
 *       so successive ops differ but a program rerun after the same {@code setSeed} repeats;
 *   <li>op seed only: the global seed is TensorFlow's default graph seed, 87654321;
 *   <li>neither: a fresh random stream.
 * </ul>
 * As in TensorFlow eager, calling an op again with the same seeds continues its stream (the
 * second call gives new numbers); {@link #setGlobal} starts every stream over.
 */
public final class Seeds {
    /** TensorFlow's {@code DEFAULT_GRAPH_SEED}, used when only an op seed is given. */
    public static final long DEFAULT_GRAPH_SEED = 87654321L;
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private static final Map<Long, Map<Long, Long>> NEXT_BLOCK = new ConcurrentHashMap<>();
    private static Long global;
    private static long opCounter;
    private static long salt;

    private Seeds() {}

    /** Sets (or with null clears) the global seed and restarts every seeded stream. */
    public static synchronized void setGlobal(Long seed) {
        global = seed;
        opCounter = 0;
        salt = 0;
        NEXT_BLOCK.clear();
    }

    /**
     * With a global seed, starts every stream over at a point named by {@code key}: what is drawn
     * next depends on the global seed and the key only, not on what ran before. Keras' fit calls
     * it at each epoch with the optimizer's step count, so a training resumed from a checkpoint
     * draws the dropout masks a straight run would have. No effect without a global seed.
     */
    public static synchronized void restartAt(long key) {
        if (global == null) {
            return;
        }
        salt = mix(key + 0x5DEECE66DL);
        opCounter = 0;
        NEXT_BLOCK.clear();
    }

    public static synchronized Long global() {
        return global;
    }

    /**
     * The stream for one op call that needs {@code blocks} Philox blocks: its key, stream and
     * first block. {@code opSeed} may be null.
     */
    public static synchronized PhiloxStream reserve(Long opSeed, long blocks) {
        long seed;
        long seed2;
        if (global != null) {
            seed = truncate(salt == 0 ? global : mix(global ^ salt));
            seed2 = opSeed != null ? truncate(opSeed) : truncate(mix(global + 0x632BE59BD9B4E019L * ++opCounter));
        } else if (opSeed != null) {
            seed = DEFAULT_GRAPH_SEED;
            seed2 = truncate(opSeed);
        } else {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return new PhiloxStream(r.nextLong(), r.nextLong(), 0);
        }
        if (seed == 0 && seed2 == 0) {
            seed2 = MAX_INT32; // as TensorFlow: (0, 0) would mean "unseeded" to its kernels
        }
        Map<Long, Long> perOp = NEXT_BLOCK.computeIfAbsent(seed, k -> new ConcurrentHashMap<>());
        long first = perOp.getOrDefault(seed2, 0L);
        perOp.put(seed2, first + blocks);
        return new PhiloxStream(seed, seed2, first);
    }

    /** TensorFlow keeps seeds in [0, 2^31 - 1]. */
    private static long truncate(long seed) {
        return Math.floorMod(seed, MAX_INT32 + 1);
    }

    /** SplitMix64's finaliser: spreads a counter into an unrelated-looking seed. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
