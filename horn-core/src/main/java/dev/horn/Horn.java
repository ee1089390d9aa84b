package dev.horn;

import dev.horn.random.Seeds;

/** Process-wide settings: the global random seed. */
public final class Horn {
    private Horn() {}

    /**
     * Sets the global seed, as {@code tf.random.set_seed}: random tensors created after it are
     * the same in every run, whatever the thread count.
     */
    public static void setSeed(long seed) {
        Seeds.setGlobal(seed);
    }
}
