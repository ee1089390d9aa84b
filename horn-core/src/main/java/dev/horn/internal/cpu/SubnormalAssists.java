package dev.horn.internal.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this CPU's vector float arithmetic slows down by a multiple on subnormal operands,
 * for kernels that can take another way around them with the same bits (RMSprop's velocity).
 * Intel cores take a microcode assist: on a Xeon of family 6 model 167 a velocity vector with a
 * subnormal lane cost 47 ns against 6 for a normal one, and the same vector computed in double
 * lanes 20 ns. AMD's Zen 5 handles them in hardware: 4.5 ns against 2.3, and 15.6 ns in double
 * lanes, which there made a training step of the seeds' MLP 3% slower. Known from the vendor
 * that {@code /proc/cpuinfo} names; where there is none (not Linux, not x86), no assists.
 */
public final class SubnormalAssists {
    /** True on a CPU whose subnormal float arithmetic takes assists (Intel's). */
    public static final boolean COSTLY = costly(vendor(cpuinfo()));

    private SubnormalAssists() {}

    /** Whether a CPU of this {@code vendor_id} takes assists on subnormal floats. */
    static boolean costly(String vendor) {
        return vendor.equals("GenuineIntel");
    }

    /** The first {@code vendor_id} in /proc/cpuinfo's lines, or "" when there is none. */
    static String vendor(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("vendor_id")) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) { // no such file here, or not readable: no vendor known
            return List.of();
        }
    }
}
