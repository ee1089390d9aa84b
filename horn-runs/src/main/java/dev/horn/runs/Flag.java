package dev.horn.runs;

/** One declared flag: its name, type, default value and an optional description (tfruns' {@code flag_*}). */
public record Flag(String name, FlagType type, Object defaultValue, String description) {
    public Flag {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Invalid flag name '" + name + "': use letters, digits, '_' and '.'");
        }
        defaultValue = defaultValue == null ? null : type.parse(name, defaultValue, "its default");
    }

    /** The same flag with a description, shown in the report. */
    public Flag description(String text) {
        return new Flag(name, type, defaultValue, text);
    }
}
