package dev.horn.keras.saving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A saved config ({@code get_config()} output read back from JSON) with typed getters whose
 * errors name the object and the key: {@code Dense config: `units` must be an integer, got "ten"}.
 * Missing or null keys take the default given, as Keras' constructors do.
 */
public final class ConfigMap {
    private final String owner;
    private final Map<String, Object> values;

    public ConfigMap(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = values == null ? Map.of() : values;
    }

    /** What the config belongs to, as errors name it ({@code "Dense config"}). */
    public String owner() {
        return owner;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public int integer(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw fail(key, "is required");
        }
        return integer(key, 0);
    }

    public int integer(String key, int orElse) {
        Long v = optionalLong(key);
        if (v == null) {
            return orElse;
        }
        if (Math.abs(v) > Integer.MAX_VALUE) {
            throw fail(key, "must be an integer, got " + PyJson.write(values.get(key)));
        }
        return v.intValue();
    }

    public Long optionalLong(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw fail(key, "must be an integer, got " + PyJson.write(v));
    }

    public double number(String key, double orElse) {
        Object v = values.get(key);
        if (v == null) {
            return orElse;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(key, "must be a number, got " + PyJson.write(v));
    }

    public Double optionalNumber(String key) {
        return has(key) ? number(key, 0) : null;
    }

    public boolean bool(String key, boolean orElse) {
        Object v = values.get(key);
        if (v == null) {
            return orElse;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw fail(key, "must be true or false, got " + PyJson.write(v));
    }

    public String string(String key, String orElse) {
        Object v = values.get(key);
        if (v == null) {
            return orElse;
        }
        if (v instanceof String s) {
            return s;
        }
        throw fail(key, "must be a string, got " + PyJson.write(v));
    }

    /** A list of integers (a shape); null entries (unknown dimensions) become {@code nullAs}. */
    public int[] shape(String key, int nullAs) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw fail(key, "must be a list of integers, got " + PyJson.write(v));
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object d = list.get(i);
            if (d == null) {
                out[i] = nullAs;
            } else if (d instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 0) {
                out[i] = n.intValue();
            } else if (d instanceof Number n && n.intValue() == -1 && n.doubleValue() == -1) {
                out[i] = -1;
            } else {
                throw fail(key, "must be a list of non-negative integers or nulls, got " + PyJson.write(v));
            }
        }
        return out;
    }

    /** A nested list of objects (a model's {@code layers}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objects(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list)) {
            throw fail(key, "must be a list, got " + PyJson.write(v));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw fail(key, "must hold objects, found " + PyJson.write(o));
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    /** An integer or a list of integers ({@code kernel_size: 3} or {@code [3, 3]}); null when absent. */
    public int[] ints(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return new int[] {integer(key, 0)};
        }
        return shape(key, -1);
    }

    /** Nested lists of integers flattened in order ({@code [[1, 0], [0, 2]]} gives 1, 0, 0, 2). */
    public int[] flatInts(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> outer)) {
            return ints(key);
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : outer) {
            for (Object d : o instanceof List<?> inner ? inner : List.of(o)) {
                if (!(d instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw fail(key, "must hold integers or pairs of integers, got " + PyJson.write(v));
                }
                out.add(n.intValue());
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A number or a list of numbers ({@code factor: 0.1} or {@code [-0.2, 0.3]}); null when absent. */
    public double[] doubles(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw fail(key, "must be a number or a list of numbers, got " + PyJson.write(v));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    /** A nested object ({@code layer} of a wrapper); required. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        if (!(values.get(key) instanceof Map<?, ?> m)) {
            throw fail(key, "must be an object, got " + PyJson.write(values.get(key)));
        }
        return (Map<String, Object>) m;
    }

    public IllegalArgumentException fail(String key, String problem) {
        return new IllegalArgumentException(owner + ": `" + key + "` " + problem);
    }
}
