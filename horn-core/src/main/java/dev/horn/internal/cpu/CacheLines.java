package dev.horn.internal.cpu;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Where a heap {@code float[]}'s elements meet 64-byte cache lines, so that a kernel streaming
 * whole 512-bit vectors out of a scratch array it owns can start them on a line. A vector load
 * that straddles two lines costs two: the GEMM micro-kernel, four loads of packed B per step,
 * ran at 125 GFLOP/s on one Intel core with its panels 16, 32 or 48 bytes off a line and at 158
 * with them on one. Java places arrays 8-byte aligned wherever the allocator or the last GC
 * left them, so a run's speed depended on where its packed buffers landed.
 *
 * <p>Java has no way to ask for an array's address; a native {@code memset} of zero bytes
 * returns the pointer it was given, and a critical downcall
 * ({@code Linker.Option.critical(true)}) hands it the array in place. The answer holds until a
 * GC moves the array, so callers ask once per use and write and read the array from the same
 * index; a move in between costs speed, never correctness. Where native calls are not allowed
 * the answer is 0: the arrays are used from their start, as before.
 */
public final class CacheLines {
    /** Floats per 64-byte line: the slack a buffer needs to start its data on a line. */
    public static final int FLOATS = 16;
    private static final MethodHandle POINTER = pointer();

    private CacheLines() {}

    /** The first index of {@code array} whose element starts a cache line (0 to 15), or 0 when unknown. */
    public static int firstAligned(float[] array) {
        if (POINTER == null) {
            return 0;
        }
        try {
            long address = ((MemorySegment) POINTER.invokeExact(MemorySegment.ofArray(array), 0, 0L)).address();
            return (address & 3) != 0 ? 0 : (int) ((-address & 63) >>> 2);
        } catch (Throwable t) {
            return 0;
        }
    }

    /** Whether {@link #firstAligned} knows addresses in this JVM. */
    public static boolean known() {
        return POINTER != null;
    }

    private static MethodHandle pointer() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("memset")
                    .map(memset -> linker.downcallHandle(memset, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG),
                            Linker.Option.critical(true)))
                    .orElse(null);
        } catch (RuntimeException | Error e) { // native access denied, or no C library to look in
            return null;
        }
    }
}
