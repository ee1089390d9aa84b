package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.internal.cpu.HeapArrays;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A program's buffers: which arrays it owns (allocated by its kernels), which of those are free
 * for reuse, by dtype and size, and the memory figures of the current run. Buffers that escape
 * (fetched, stored in a variable) are forgotten, never handed out again. Thread-safe: steps
 * running at the same time allocate from it together.
 */
final class BufferPool implements HeapArrays.Allocator {
    private final Map<String, ArrayDeque<Object>> free = new HashMap<>();
    private final Map<Object, Boolean> owned = new IdentityHashMap<>();
    private long allocatedBytes;
    private long liveBytes;
    private long peakLiveBytes;
    private int allocations;
    private int reuses;

    @Override
    public synchronized Object take(DType dtype, int size) {
        ArrayDeque<Object> q = free.get(key(dtype, size));
        Object a = q == null ? null : q.poll();
        if (a != null) {
            reuses++;
            live(bytes(a));
        }
        return a;
    }

    @Override
    public synchronized void allocated(Object array) {
        owned.put(array, Boolean.TRUE);
        allocations++;
        allocatedBytes += bytes(array);
        live(bytes(array));
    }

    synchronized boolean owns(Object array) {
        return array != null && owned.containsKey(array);
    }

    synchronized void give(Object array) {
        free.computeIfAbsent(key(array), k -> new ArrayDeque<>()).push(array);
        liveBytes -= bytes(array);
    }

    /** Forgets a buffer that leaves the program's control. */
    synchronized void escape(Tensor t) {
        if (t != null && t.storage() != null && owned.remove(t.storage()) != null) {
            liveBytes -= bytes(t.storage());
        }
    }

    private void live(long bytes) {
        liveBytes += bytes;
        peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
    }

    synchronized void resetStats() {
        allocatedBytes = 0;
        peakLiveBytes = liveBytes;
        allocations = 0;
        reuses = 0;
    }

    synchronized Program.MemoryStats stats() {
        return new Program.MemoryStats(allocatedBytes, peakLiveBytes, allocations, reuses);
    }

    private static String key(DType dtype, int size) {
        return dtype.name() + ":" + size;
    }

    private static String key(Object array) {
        Class<?> c = array.getClass().getComponentType();
        DType dtype = c == float.class ? DType.FLOAT32 : c == double.class ? DType.FLOAT64 : c == int.class ? DType.INT32
                : c == long.class ? DType.INT64 : c == boolean.class ? DType.BOOL : DType.STRING;
        return key(dtype, java.lang.reflect.Array.getLength(array));
    }

    private static long bytes(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        Class<?> c = array.getClass().getComponentType();
        return (long) n * (c == double.class || c == long.class ? 8 : c == boolean.class ? 1 : 4);
    }

    /** Counts a reserved buffer handed to the step it was reserved for (it never left the live set). */
    private synchronized void reused() {
        reuses++;
    }

    /**
     * The pool as one step sees it when it may write in place: the step's first allocation gets
     * the buffer reserved for it if dtype and size match; everything else goes to the pool.
     */
    static final class InPlace implements HeapArrays.Allocator {
        private final BufferPool pool;
        private Object reserved;
        private boolean asked;

        InPlace(BufferPool pool, Object reserved) {
            this.pool = pool;
            this.reserved = reserved;
        }

        @Override
        public Object take(DType dtype, int size) {
            if (!asked) {
                asked = true;
                if (key(reserved).equals(key(dtype, size))) {
                    Object r = reserved;
                    reserved = null;
                    pool.reused();
                    return r;
                }
            }
            return pool.take(dtype, size);
        }

        @Override
        public void allocated(Object array) {
            pool.allocated(array);
        }

        /** The reserved buffer if the kernel did not take it. */
        Object unused() {
            return reserved;
        }
    }

    /** Without planning: counts what kernels allocate; nothing is freed before the run ends. */
    static final class Counting implements HeapArrays.Allocator {
        private long bytes;
        private int count;

        @Override
        public Object take(DType dtype, int size) {
            return null;
        }

        @Override
        public synchronized void allocated(Object array) {
            bytes += BufferPool.bytes(array);
            count++;
        }

        synchronized Program.MemoryStats stats() {
            return new Program.MemoryStats(bytes, bytes, count, 0);
        }
    }
}
