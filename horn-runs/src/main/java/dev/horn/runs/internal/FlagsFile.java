package dev.horn.runs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code flags.yml}: either flag values at the top level, or named profiles as R's config
 * package reads them ({@code default:} plus e.g. {@code gpu:}), where a named profile starts
 * from {@code default} and overrides some of its values.
 */
public final class FlagsFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FlagsFile() {}

    public static Map<String, Object> read(Path file, String profile) {
        Map<String, Object> top;
        try {
            Object parsed = YAML.readValue(file.toFile(), Object.class);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("flags file " + file + " must hold a mapping of flag names to values");
            }
            top = asStringMap(m);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read flags file " + file + ": " + e.getMessage(), e);
        }
        if (!(top.get("default") instanceof Map<?, ?> defaults)) {
            if (!profile.equals("default")) {
                throw new IllegalArgumentException("flags file " + file + " has no profiles, so it has no profile '"
                        + profile + "' (write default: and " + profile + ": sections)");
            }
            return top;
        }
        Map<String, Object> out = new LinkedHashMap<>(asStringMap(defaults));
        if (!profile.equals("default")) {
            if (!(top.get(profile) instanceof Map<?, ?> named)) {
                throw new IllegalArgumentException("flags file " + file + " has no profile '" + profile
                        + "'; it has " + top.keySet());
            }
            out.putAll(asStringMap(named));
        }
        return out;
    }

    private static Map<String, Object> asStringMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
