package dev.horn;

/**
 * The element type of a tensor. {@link #FLOAT32} is the default, as in TensorFlow.
 *
 * <p>Each dtype has one Java array type that holds its elements on the CPU: {@code float[]},
 * {@code double[]}, {@code int[]}, {@code long[]}, {@code boolean[]} and {@code String[]}.
 */
public enum DType {
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    INT32("int32", 4),
    INT64("int64", 8),
    BOOL("bool", 1),
    STRING("string", 0);

    private final String tfName;
    private final int byteSize;

    DType(String tfName, int byteSize) {
        this.tfName = tfName;
        this.byteSize = byteSize;
    }

    /** TensorFlow's name of this dtype, such as {@code float32}. */
    public String tfName() {
        return tfName;
    }

    /** Bytes one element takes, 0 for strings. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** Floating or integer: the types arithmetic is defined on. */
    public boolean isNumeric() {
        return isFloating() || isInteger();
    }

    /** Parses TensorFlow's names ({@code float32}, {@code float}, {@code int64}, ...). */
    public static DType of(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "float32", "float" -> FLOAT32;
            case "float64", "double" -> FLOAT64;
            case "int32", "int" -> INT32;
            case "int64", "long" -> INT64;
            case "bool", "boolean" -> BOOL;
            case "string" -> STRING;
            default -> throw new IllegalArgumentException("unknown dtype '" + name
                    + "': expected one of float32, float64, int32, int64, bool, string");
        };
    }

    @Override
    public String toString() {
        return tfName;
    }
}
