package dev.horn.internal.cpu;

import dev.horn.DType;

/**
 * Allocation of the Java arrays that hold a dtype's elements on the CPU. A graph executor can
 * install a {@link Allocator} on its thread so that kernels reuse the buffers of dead
 * intermediate tensors instead of allocating new ones.
 */
public final class HeapArrays {
    /** Hands out arrays; a reused array may hold old values. */
    public interface Allocator {
        /** An array of exactly {@code size} elements of {@code dtype}, or null to allocate a new one. */
        Object take(DType dtype, int size);

        /** Told about every array allocated while installed (so it can own and later reuse it). */
        void allocated(Object array);
    }

    /** An allocator that hands out {@code target} to the first request of its dtype and size, then nothing. */
    public static Allocator into(Object target) {
        return new Allocator() {
            private Object left = target;

            @Override
            public Object take(DType dtype, int size) {
                Object a = left;
                left = null;
                return a != null && a.getClass() == EMPTY.get(dtype).getClass()
                        && java.lang.reflect.Array.getLength(a) == size ? a : null;
            }

            @Override
            public void allocated(Object array) {}
        };
    }

    private static final java.util.Map<DType, Object> EMPTY = new java.util.EnumMap<>(DType.class);

    static {
        for (DType d : DType.values()) {
            EMPTY.put(d, allocate(d, 0));
        }
    }

    private static final ThreadLocal<Allocator> ALLOCATOR = new ThreadLocal<>();

    private HeapArrays() {}

    /** Installs an allocator on this thread (null removes it); returns the previous one. */
    public static Allocator install(Allocator allocator) {
        Allocator previous = ALLOCATOR.get();
        ALLOCATOR.set(allocator);
        return previous;
    }

    /** A zero-filled array (new, or reused and cleared). */
    public static Object newArray(DType dtype, int size) {
        return obtain(dtype, size, true);
    }

    /** An array for a kernel that writes every element: reused buffers are not cleared. */
    public static Object newUninitialized(DType dtype, int size) {
        return obtain(dtype, size, false);
    }

    private static Object obtain(DType dtype, int size, boolean zeroed) {
        Allocator allocator = ALLOCATOR.get();
        if (allocator != null) {
            Object reused = allocator.take(dtype, size);
            if (reused != null) {
                if (zeroed) {
                    clear(reused);
                }
                return reused;
            }
            Object fresh = allocate(dtype, size);
            allocator.allocated(fresh);
            return fresh;
        }
        return allocate(dtype, size);
    }

    /** A new zero-filled array, whatever allocator is installed (for values a kernel keeps, such as a variable's). */
    public static Object fresh(DType dtype, int size) {
        return allocate(dtype, size);
    }

    private static void clear(Object a) {
        switch (a) {
            case float[] f -> java.util.Arrays.fill(f, 0f);
            case double[] d -> java.util.Arrays.fill(d, 0.0);
            case int[] i -> java.util.Arrays.fill(i, 0);
            case long[] l -> java.util.Arrays.fill(l, 0L);
            case boolean[] b -> java.util.Arrays.fill(b, false);
            case Object[] o -> java.util.Arrays.fill(o, null);
            default -> throw new IllegalArgumentException("not a tensor array: " + a.getClass());
        }
    }

    private static Object allocate(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
            case INT32 -> new int[size];
            case INT64 -> new long[size];
            case BOOL -> new boolean[size];
            case STRING -> new String[size];
        };
    }
}
