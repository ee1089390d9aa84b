package dev.horn.ops.nn;

import java.util.Locale;

/** TensorFlow's padding schemes for sliding windows (convolution and pooling). */
public enum Padding {
    /** Output size ceil(in / stride); the zeros split as TF does, the odd one after. */
    SAME,
    /** No padding: the window stays inside the input. */
    VALID;

    /** Parses "SAME" / "VALID" in any case, naming the op on anything else. */
    public static Padding parse(String op, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(op + ": padding must be \"SAME\" or \"VALID\", got " + value);
        }
    }
}
