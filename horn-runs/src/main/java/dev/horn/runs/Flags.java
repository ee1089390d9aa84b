package dev.horn.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.horn.runs.internal.FlagsFile;
import dev.horn.runs.internal.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * tfruns' flags, for scripts to static-import: a script declares its hyper-parameters with
 * defaults, and a run may change them without editing the script.
 * {@snippet :
 * import static dev.horn.runs.Flags.*;
 *
 * var FLAGS = flags(
 *     flagInteger("dense_units1", 128),
 *     flagNumeric("dropout1", 0.4));
 * layerDropout(FLAGS.numeric("dropout1"));
 * }
 * Values come from, each over the one before: the defaults; {@code flags.yml} in the working
 * directory (or the file {@code horn run --flags-file} names), its {@code default} profile or
 * the one {@code --config} names; the run's flags ({@code --flag name=value},
 * {@code Runs.trainingRun(script, flags)}). A flag the script does not declare, or a value of
 * the wrong type, is an error naming the flag. Inside a run the values are written to
 * {@code tfruns.d/flags.json}.
 */
public final class Flags {
    private Flags() {}

    public static FlagValues flags(Flag... declared) {
        Map<String, Flag> byName = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Flag f : declared) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("Flag '" + f.name() + "' is declared twice");
            }
            values.put(f.name(), f.defaultValue());
        }
        String profile = System.getProperty(ActiveRun.CONFIG_PROPERTY, "default");
        String fileName = System.getProperty(ActiveRun.FLAGS_FILE_PROPERTY);
        Path file = Path.of(fileName != null ? fileName : "flags.yml");
        if (fileName != null || Files.exists(file)) {
            apply(byName, values, FlagsFile.read(file, profile), file + " (profile " + profile + ")");
        }
        String given = System.getProperty(ActiveRun.FLAGS_PROPERTY);
        if (given != null && !given.isBlank()) {
            apply(byName, values, parseGiven(given), "the run's flags");
        }
        ActiveRun.current().ifPresent(run -> RunFiles.writeJson(run.flagsFile(), values));
        return new FlagValues(byName, values);
    }

    public static Flag flagInteger(String name, int defaultValue) {
        return new Flag(name, FlagType.INTEGER, defaultValue, null);
    }

    public static Flag flagNumeric(String name, double defaultValue) {
        return new Flag(name, FlagType.NUMERIC, defaultValue, null);
    }

    public static Flag flagString(String name, String defaultValue) {
        return new Flag(name, FlagType.STRING, defaultValue, null);
    }

    public static Flag flagBoolean(String name, boolean defaultValue) {
        return new Flag(name, FlagType.BOOLEAN, defaultValue, null);
    }

    private static void apply(Map<String, Flag> declared, Map<String, Object> values, Map<String, Object> given,
                              String source) {
        given.forEach((name, value) -> {
            Flag f = declared.get(name);
            if (f == null) {
                throw new IllegalArgumentException("Unknown flag '" + name + "' in " + source
                        + "; the script declares " + declared.keySet());
            }
            values.put(name, f.type().parse(name, value, source));
        });
    }

    private static Map<String, Object> parseGiven(String json) {
        try {
            return RunFiles.JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + ActiveRun.FLAGS_PROPERTY + ": " + e.getMessage(), e);
        }
    }
}
