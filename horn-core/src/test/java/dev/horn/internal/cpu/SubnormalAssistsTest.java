package dev.horn.internal.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubnormalAssistsTest {
    @Test
    void theVendorIsReadFromTheFirstProcessorsBlock() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "",
                "processor\t: 1", "vendor_id\t: GenuineIntel");
        assertThat(SubnormalAssists.vendor(cpuinfo)).isEqualTo("AuthenticAMD");
        assertThat(SubnormalAssists.vendor(List.of("processor : 0", "CPU implementer : 0x41"))).isEmpty();
        assertThat(SubnormalAssists.vendor(List.of())).isEmpty();
    }

    @Test
    void onlyIntelCoresCountAsTakingAssists() {
        assertThat(SubnormalAssists.costly("GenuineIntel")).isTrue();
        assertThat(SubnormalAssists.costly("AuthenticAMD")).isFalse();
        assertThat(SubnormalAssists.costly("")).isFalse();
    }
}
