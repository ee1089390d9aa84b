package dev.horn.internal.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuInfoTest {
    @Test
    void theFieldsAreTheFirstProcessorsBlock() {
        List<String> cpuinfo = List.of("", "processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26",
                "flags\t\t: fpu avx512f", "", "processor\t: 1", "vendor_id\t: GenuineIntel", "bogus line");
        assertThat(CpuInfo.firstProcessor(cpuinfo)).containsExactly(
                java.util.Map.entry("processor", "0"), java.util.Map.entry("vendor_id", "AuthenticAMD"),
                java.util.Map.entry("cpu family", "26"), java.util.Map.entry("flags", "fpu avx512f"));
    }

    @Test
    void linesWithoutAFieldAndAnEmptyFileGiveNothing() {
        assertThat(CpuInfo.firstProcessor(List.of("no colon here", ": no name"))).isEmpty();
        assertThat(CpuInfo.firstProcessor(List.of())).isEmpty();
    }
}
