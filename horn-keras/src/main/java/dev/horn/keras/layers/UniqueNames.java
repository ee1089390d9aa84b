package dev.horn.keras.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras' default object names: the first layer of a kind is {@code dense}, the next
 * {@code dense_1}, and so on for the whole session, until {@link #clear()}
 * ({@code clearSession()}) starts over.
 */
public final class UniqueNames {
    private static final Map<String, Integer> USED = new HashMap<>();
    /** A default name not drawn yet because the object may still be named by a fluent call. */
    private static Runnable pending;

    private UniqueNames() {}

    /** The next free name for a prefix: {@code prefix}, then {@code prefix_1}, {@code prefix_2}, ... */
    public static synchronized String next(String prefix) {
        int n = USED.merge(prefix, 1, Integer::sum) - 1;
        return n == 0 ? prefix : prefix + "_" + n;
    }

    /** Names numbered from one, as Keras 2 names inputs and models' inputs: {@code input_1}, {@code input_2}. */
    public static synchronized String nextOneBased(String prefix) {
        return prefix + "_" + USED.merge("\0" + prefix, 1, Integer::sum);
    }

    public static synchronized void clear() {
        USED.clear();
        pending = null;
    }

    /**
     * Defers drawing a default name until the next object is made or used ({@link #drawPending}),
     * so {@code layerInput(5).name("aux_input")} uses no number while unnamed inputs are still
     * numbered in the order they were made, as Keras names them at creation.
     */
    static synchronized void defer(Runnable draw) {
        drawPending();
        pending = draw;
    }

    /** Draws the deferred default name, if any. */
    public static synchronized void drawPending() {
        Runnable draw = pending;
        pending = null;
        if (draw != null) {
            draw.run();
        }
    }

    /** Keras' {@code to_snake_case}: {@code Dense} → {@code dense}, {@code GlobalMaxPooling2D} → {@code global_max_pooling2d}. */
    public static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("_") ? "private" + s : s;
    }
}
