package dev.horn.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of a script's flags once defaults, flags.yml and the run's own flags are merged (tfruns' {@code FLAGS}). */
public final class FlagValues {
    private final Map<String, Flag> declared;
    private final Map<String, Object> values;

    FlagValues(Map<String, Flag> declared, Map<String, Object> values) {
        this.declared = Map.copyOf(declared);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int integer(String name) {
        return (Integer) typed(name, FlagType.INTEGER);
    }

    public double numeric(String name) {
        return (Double) typed(name, FlagType.NUMERIC);
    }

    public String string(String name) {
        return (String) typed(name, FlagType.STRING);
    }

    public boolean bool(String name) {
        return (Boolean) typed(name, FlagType.BOOLEAN);
    }

    /** The value of any flag, as its type's Java value (Integer, Double, String, Boolean). */
    public Object get(String name) {
        flag(name);
        return values.get(name);
    }

    /** Every flag's value, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object typed(String name, FlagType type) {
        Flag f = flag(name);
        if (f.type() != type) {
            throw new IllegalArgumentException("Flag '" + name + "' is declared " + f.type().name().toLowerCase()
                    + ", not " + type.name().toLowerCase());
        }
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("Flag '" + name + "' has no default and was not given a value");
        }
        return v;
    }

    private Flag flag(String name) {
        Flag f = declared.get(name);
        if (f == null) {
            throw new IllegalArgumentException("No flag named '" + name + "'; the script declares " + values.keySet());
        }
        return f;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
