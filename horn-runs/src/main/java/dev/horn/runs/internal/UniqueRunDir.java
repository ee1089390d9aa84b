package dev.horn.runs.internal;

import dev.horn.runs.RunDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A new run directory named by its UTC start time, {@code runs/2026-12-01T21-50-03Z}. Creating a
 * directory is atomic, so two runs starting in the same second (a tuning run, two terminals)
 * never share one: the second gets {@code ...Z-2}, the next {@code ...Z-3}.
 */
public final class UniqueRunDir {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private UniqueRunDir() {}

    public static RunDir create(Path runsDir, Instant start) {
        String base = NAME.format(start);
        try {
            Files.createDirectories(runsDir);
            for (int n = 1; ; n++) {
                Path candidate = runsDir.resolve(n == 1 ? base : base + "-" + n);
                try {
                    Files.createDirectory(candidate);
                    return new RunDir(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in this second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory in " + runsDir + ": " + e.getMessage(), e);
        }
    }
}
