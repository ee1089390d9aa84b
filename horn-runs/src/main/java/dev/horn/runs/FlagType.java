package dev.horn.runs;

import java.util.Locale;

/** The four kinds of tfruns flag and how a value given as text or YAML/JSON becomes one. */
public enum FlagType {
    INTEGER("an integer") {
        @Override
        Object convert(Object v) {
            if (v instanceof Integer || v instanceof Long) {
                return ((Number) v).intValue();
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.intValue();
            }
            return Integer.parseInt(text(v));
        }
    },
    NUMERIC("a number") {
        @Override
        Object convert(Object v) {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(text(v));
        }
    },
    STRING("a string") {
        @Override
        Object convert(Object v) {
            return String.valueOf(v);
        }
    },
    BOOLEAN("a boolean (true or false)") {
        @Override
        Object convert(Object v) {
            if (v instanceof Boolean b) {
                return b;
            }
            return switch (text(v).toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw new IllegalArgumentException();
            };
        }
    };

    private final String description;

    FlagType(String description) {
        this.description = description;
    }

    abstract Object convert(Object value);

    /** The value as this type, or an error naming the flag, what it needs and what it got. */
    public Object parse(String flag, Object value, String source) {
        try {
            return convert(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Flag '" + flag + "' must be " + description + ", got '" + value
                    + "' (from " + source + ")");
        }
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s.trim();
        }
        throw new IllegalArgumentException();
    }
}
