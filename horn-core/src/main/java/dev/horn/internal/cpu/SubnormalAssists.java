package dev.horn.internal.cpu;

/**
 * Whether this CPU's vector float arithmetic slows down by a multiple on subnormal operands,
 * for kernels that can take another way around them with the same bits (RMSprop's velocity).
 * Intel cores take a microcode assist: on a Xeon of family 6 model 167 a velocity vector with a
 * subnormal lane cost 47 ns against 6 for a normal one, and the same vector computed in double
 * lanes 20 ns. AMD's Zen 5 handles them in hardware: 4.5 ns against 2.3, and 15.6 ns in double
 * lanes, which there made a training step of the seeds' MLP 3% slower. Known from the vendor
 * that {@code /proc/cpuinfo} names ({@link CpuInfo}); where there is none (not Linux), no assists.
 */
public final class SubnormalAssists {
    /** True on a CPU whose subnormal float arithmetic takes assists (Intel's). */
    public static final boolean COSTLY = costly(CpuInfo.firstProcessor().getOrDefault("vendor_id", ""));

    private SubnormalAssists() {}

    /** Whether a CPU of this {@code vendor_id} takes assists on subnormal floats. */
    static boolean costly(String vendor) {
        return vendor.equals("GenuineIntel");
    }
}
