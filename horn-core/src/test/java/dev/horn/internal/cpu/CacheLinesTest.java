package dev.horn.internal.cpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CacheLinesTest {
    @Test
    void findsTheFirstElementOnALineWhereTheTestJvmAllowsNativeCalls() {
        assertThat(CacheLines.known()).as("the build's JVM flags enable native access").isTrue();
        for (int size : new int[] {1, 17, 1000, 1 << 20}) {
            float[] array = new float[size + CacheLines.FLOATS];
            int first = CacheLines.firstAligned(array);
            // HotSpot aligns objects to 8 bytes, so the answer is an even index below 16
            assertThat(first).as("%d floats", size).isBetween(0, CacheLines.FLOATS - 1);
            assertThat(first % 2).isZero();
        }
    }

    /** Arrays land on every 8-byte offset of a line: the answers differ, which a constant could not give. */
    @Test
    void answersFollowWhereEachArrayLies() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 64; i++) {
            seen.add(CacheLines.firstAligned(new float[3 + i]));
        }
        assertThat(seen).hasSizeGreaterThan(1);
    }
}
