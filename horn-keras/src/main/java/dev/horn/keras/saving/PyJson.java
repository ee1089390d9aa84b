package dev.horn.keras.saving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json.dumps} writes it, which is what Keras puts in {@code config.json},
 * {@code model_config} and {@code to_json()}: {@code ", "} and {@code ": "} separators, floats in
 * Python's shortest repr ({@code 1e-07}, {@code 0.0010000000474974513}, {@code 1.0}), NaN and
 * Infinity as bare words. Reading accepts what Python writes, NaN included.
 */
public final class PyJson {
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PyJson() {}

    /** Maps (in their order), lists, strings, numbers, booleans and nulls as one line of JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * The JSON value in {@code text}: maps keep their order; integers come back as Integer or Long.
     *
     * @param source what the text came from, for the error message
     */
    public static Object read(String text, String source) {
        try {
            return READER.readValue(text, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@link #read} of a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text, String source) {
        Object v = read(text, source);
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + " must hold a JSON object, found " + typeName(v));
        }
        return (Map<String, Object>) v;
    }

    static String typeName(Object v) {
        return v == null ? "null" : v instanceof List<?> ? "a list" : v instanceof Map<?, ?> ? "an object"
                : v instanceof String ? "a string" : v.getClass().getSimpleName();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case String s -> string(s, out);
            case Float f -> out.append(repr(f.doubleValue()));
            case Double d -> out.append(repr(d));
            case Number n -> out.append(n.longValue());
            case Map<?, ?> m -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.append(sep);
                    string(String.valueOf(e.getKey()), out);
                    out.append(": ");
                    write(e.getValue(), out);
                    sep = ", ";
                }
                out.append('}');
            }
            case List<?> l -> {
                out.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    write(l.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + " as JSON (" + value + ")");
        }
    }

    /** Python's {@code repr(float)}: the shortest digits that round-trip, exponent form below 1e-4 and from 1e16. */
    static String repr(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - d.scale() - 1; // x = digits[0].digits[1..] * 10^exp
        String sign = x < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = d.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c)); // json.dumps escapes non-ASCII by default
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
