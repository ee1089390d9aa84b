package dev.horn.internal.cpu;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Packed copies of arrays that products keep reading as their B operand between writes: a
 * dense layer's kernel is packed by the forward product of every training step, and between two
 * steps only the optimizer writes it. The fused update ({@code FusedUpdate.Pass}, fed the weight
 * gradient row by row by a GEMM) writes each new row of the weight into the copy too, while the
 * row is in its hands, so the next forward product reads the panels without a pass of its own
 * over the weight.
 *
 * <p>The protocol, keyed on the array itself:
 * <ul>
 * <li>a Java GEMM reading all of a row-major k x n array as an untransposed B asks
 * {@link #lookup}: a current copy, or null, and the array is then noted as read this way;
 * <li>a writer that keeps the copy calls {@link #begin} before it writes, writes every row with
 * {@link Gemm#packRows} as it writes the array, then {@link #publish}es;
 * <li>any other write in place calls {@link #invalidate} first. Only a weight's update publishes,
 * so only a variable's buffer ever has a current copy, and a variable's buffer is written in
 * place only by update kernels, which get it from {@code Variable.updateTarget}: that call
 * invalidates.
 * </ul>
 * A copy is never current while its array is being written, so a product meanwhile packs B
 * itself. The entries go with their arrays (weak keys; arrays compare by identity).
 */
public final class PackedOperands {
    /** Smaller operands are cheap to pack: a copy would cost more writes than it saves. */
    static final int MIN_SIZE = 1 << 16;
    /** Larger ones keep no copy: it doubles the weight's memory (here up to 64 MB more) for a few percent of a step. */
    static final int MAX_SIZE = 1 << 24;
    private static final Map<float[], Entry> ENTRIES = Collections.synchronizedMap(new WeakHashMap<>());

    private PackedOperands() {}

    /**
     * A packed copy: {@link Gemm#packedSize} floats of {@code floats} from {@code start}, the
     * index its writer chose to put the panels on a cache line ({@link CacheLines}).
     */
    public record Copy(float[] floats, int start) {}

    private static final class Entry {
        final int k;
        final int n;
        Copy packed;
        boolean current;

        Entry(int k, int n) {
            this.k = k;
            this.n = n;
        }
    }

    /**
     * The current packed copy of {@code b} read as a k x n untransposed B from its start with
     * row stride n, or null; a miss notes that products read {@code b} this way.
     */
    public static Copy lookup(float[] b, int bOff, int ldb, int k, int n) {
        if (bOff != 0 || ldb != n || (long) k * n != b.length || b.length < MIN_SIZE || b.length > MAX_SIZE) {
            return null;
        }
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(b);
            if (e == null) {
                ENTRIES.put(b, new Entry(k, n));
                return null;
            }
            return e.current && e.k == k && e.n == n ? e.packed : null;
        }
    }

    /**
     * For a writer about to write {@code target}, a k x n row-major array, from {@code source}
     * (the same array when it writes in place): the copy to write every row of the new values
     * into, or null when no product reads {@code source} as a k x n B. The copy is not current
     * until {@link #publish}. A writer moves to a new array because something may still read the
     * old one, a product maybe through its copy: the old array keeps its copy, still current
     * (its values do not change), and the new one gets a copy of its own. Each write chooses
     * where in its array the copy starts, since a GC may have moved the array since the last.
     */
    public static Copy begin(float[] source, float[] target, int k, int n) {
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(source);
            if (e == null || e.k != k || e.n != n || (long) k * n != target.length) {
                return null;
            }
            if (source != target) {
                e = new Entry(k, n);
                ENTRIES.put(target, e);
            }
            e.current = false;
            float[] floats = e.packed == null ? new float[Gemm.packedSize(k, n) + CacheLines.FLOATS] : e.packed.floats();
            int start = CacheLines.firstAligned(floats);
            if (e.packed == null || e.packed.start() != start) {
                e.packed = new Copy(floats, start);
                // the panels' padding columns are never written: clear what a different start left there
                java.util.Arrays.fill(floats, 0f);
            }
            return e.packed;
        }
    }

    /** Makes {@code packed} (from {@link #begin}) the current copy of {@code target}, every row of which it now holds. */
    public static void publish(float[] target, Copy packed) {
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(target);
            if (e != null && e.packed == packed) {
                e.current = true;
            }
        }
    }

    /** Drops any packed copy of {@code array} as current: call before writing it in place by other means. */
    public static void invalidate(Object array) {
        if (array instanceof float[] f && f.length >= MIN_SIZE) {
            synchronized (ENTRIES) {
                Entry e = ENTRIES.get(f);
                if (e != null) {
                    e.current = false;
                }
            }
        }
    }
}
