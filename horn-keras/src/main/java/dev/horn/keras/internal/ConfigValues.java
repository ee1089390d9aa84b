package dev.horn.keras.internal;

import java.util.Map;
import java.util.function.Function;

/** Reading a Keras config map ({@code get_config()} output): numbers with Keras' defaults and Keras' errors. */
public final class ConfigValues {
    private ConfigValues() {}

    /**
     * The number under {@code key}, or {@code orElse} when absent (null); anything else fails with
     * the message {@code notANumber} makes from the value.
     */
    public static double number(Map<String, Object> config, String key, double orElse,
                                Function<Object, String> notANumber) {
        Object v = config.get(key);
        if (v == null) {
            return orElse;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(notANumber.apply(v));
    }
}
