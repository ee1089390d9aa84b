package dev.horn.keras.internal;

/** How Keras spells one object two ways: a snake_case function name and a CamelCase class name. */
public final class KerasNames {
    private KerasNames() {}

    /** {@code glorot_uniform -> GlorotUniform}, {@code l1_l2 -> L1L2}, {@code max_norm -> MaxNorm}. */
    public static String className(String snakeName) {
        StringBuilder out = new StringBuilder(snakeName.length());
        boolean upper = true;
        for (char c : snakeName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
