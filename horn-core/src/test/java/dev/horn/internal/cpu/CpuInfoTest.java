package dev.horn.internal.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuInfoTest {
    @Test
    void theFieldsAreTheFirstProcessorsBlock() {
        List<String> cpuinfo = List.of("", "processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26",
                "flags\t\t: fpu avx512f", "", "processor\t: 1", "vendor_id\t: GenuineIntel", "bogus line");
        assertThat(CpuInfo.firstProcessor(cpuinfo)).containsExactly(
                Map.entry("processor", "0"), Map.entry("vendor_id", "AuthenticAMD"),
                Map.entry("cpu family", "26"), Map.entry("flags", "fpu avx512f"));
    }

    @Test
    void linesWithoutAFieldAndAnEmptyFileGiveNothing() {
        assertThat(CpuInfo.firstProcessor(List.of("no colon here", ": no name"))).isEmpty();
        assertThat(CpuInfo.firstProcessor(List.of())).isEmpty();
    }
}
