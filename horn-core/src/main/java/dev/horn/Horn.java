package dev.horn;

import dev.horn.random.Seeds;

/**
 * Process-wide settings of the engine.
 *
 * {@snippet :
 * Horn.setSeed(42);
 * var a = tf.randomNormal(3);   // the same numbers every run
 * var b = tf.randomNormal(3);   // different from a, and also the same every run
 * }
 */
public final class Horn {
    private Horn() {}

    /**
     * Sets the global random seed, {@code tf.random.set_seed}: random ops become reproducible
     * and every op's stream starts over. See {@link dev.horn.random.Seeds} for the rules.
     */
    public static void setSeed(long seed) {
        Seeds.setGlobal(seed);
    }

    /** Forgets the global seed: random ops without an op seed draw fresh numbers again. */
    public static void clearSeed() {
        Seeds.setGlobal(null);
    }

    /** Horn's version, from the jar's manifest ({@code "dev"} when run from classes). */
    public static String version() {
        String v = Horn.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
