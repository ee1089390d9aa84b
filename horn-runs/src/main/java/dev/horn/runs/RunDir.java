package dev.horn.runs;

import dev.horn.runs.internal.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run directory and tfruns' layout inside it:
 * <pre>
 * runs/2026-12-01T21-50-03Z/
 *   tfruns.d/
 *     properties/      one file per property (script, start, end, completed, model, optimizer, ...)
 *     flags.json       the flags the script ran with
 *     metrics.json     per-epoch history, one array per metric, null for epochs still to come
 *     evaluation.json  the results of the last evaluate
 *     error.json       message and traceback when the script failed
 *     source.tar.gz    the script and its neighbours, under source/
 *     output.txt       the console output
 *   plots/             images the script wrote
 *   ...                any other file the script wrote (artifacts)
 * </pre>
 */
public record RunDir(Path path) {
    public static final String META = "tfruns.d";

    public RunDir {
        path = path.toAbsolutePath().normalize();
    }

    public Path meta() {
        return path.resolve(META);
    }

    public Path propertiesDir() {
        return meta().resolve("properties");
    }

    public Path flagsFile() {
        return meta().resolve("flags.json");
    }

    public Path metricsFile() {
        return meta().resolve("metrics.json");
    }

    public Path evaluationFile() {
        return meta().resolve("evaluation.json");
    }

    public Path errorFile() {
        return meta().resolve("error.json");
    }

    public Path sourceArchive() {
        return meta().resolve("source.tar.gz");
    }

    public Path outputFile() {
        return meta().resolve("output.txt");
    }

    public Path plotsDir() {
        return path.resolve("plots");
    }

    /** Whether this looks like a run directory at all (has tfruns.d/). */
    public boolean exists() {
        return Files.isDirectory(meta());
    }

    public void writeProperty(String name, Object value) {
        RunFiles.writeText(propertiesDir().resolve(name), String.valueOf(value) + "\n");
    }

    /** The properties as written (strings, without the trailing newline). */
    public Map<String, String> properties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(propertiesDir())) {
            return out;
        }
        try (Stream<Path> files = Files.list(propertiesDir())) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    String text = Files.readString(f);
                    out.put(name, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the properties of " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    public Map<String, Object> flags() {
        return RunFiles.readJsonObject(flagsFile());
    }

    public Map<String, Object> metrics() {
        return RunFiles.readJsonObject(metricsFile());
    }

    public Map<String, Object> evaluation() {
        return RunFiles.readJsonObject(evaluationFile());
    }

    public Map<String, Object> error() {
        return RunFiles.readJsonObject(errorFile());
    }

    /** The console output so far, or "" when there is none. */
    public String output() {
        String text = RunFiles.readText(outputFile());
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
