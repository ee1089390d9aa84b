package dev.horn.internal.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Linux says of the first processor in {@code /proc/cpuinfo}: field name to value
 * ({@code vendor_id}, {@code model name}, {@code cpu family}, {@code flags}, ...), for kernels
 * that choose a way by CPU and for benchmarks that report the machine. Empty where there is no
 * such file (not Linux) or it cannot be read.
 */
public final class CpuInfo {
    private CpuInfo() {}

    /** The first processor's fields, read now. */
    public static Map<String, String> firstProcessor() {
        try {
            return firstProcessor(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) { // no such file here, or not readable
            return Map.of();
        }
    }

    /** The fields of the first block of {@code name : value} lines (blocks are separated by blank lines). */
    static Map<String, String> firstProcessor(List<String> lines) {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!info.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                info.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return info;
    }
}
