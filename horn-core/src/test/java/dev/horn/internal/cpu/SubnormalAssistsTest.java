package dev.horn.internal.cpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubnormalAssistsTest {
    @Test
    void onlyIntelCoresCountAsTakingAssists() {
        assertThat(SubnormalAssists.costly("GenuineIntel")).isTrue();
        assertThat(SubnormalAssists.costly("AuthenticAMD")).isFalse();
        assertThat(SubnormalAssists.costly("")).isFalse();
    }
}
