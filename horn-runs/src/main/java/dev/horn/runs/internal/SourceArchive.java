package dev.horn.runs.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * {@code source.tar.gz}: the script, the other Java sources beside it and any {@code flags.yml},
 * under {@code source/} as tfruns stores them, so a report shows, and a comparison diffs, the
 * code that ran.
 */
public final class SourceArchive {
    private static final String PREFIX = "source/";

    private SourceArchive() {}

    /** The files to keep for {@code script}: itself, its sibling .java files, flags.yml there and in workDir. */
    public static Map<String, Path> sourcesOf(Path script, Path workDir) {
        Map<String, Path> files = new TreeMap<>();
        Path dir = script.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            siblings.filter(p -> Files.isRegularFile(p) && isSource(p.getFileName().toString()))
                    .forEach(p -> files.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources beside " + script + ": " + e.getMessage(), e);
        }
        Path workFlags = workDir.resolve("flags.yml");
        if (Files.isRegularFile(workFlags) && !workFlags.toAbsolutePath().getParent().equals(dir)) {
            files.put("working-directory/flags.yml", workFlags);
        }
        return files;
    }

    private static boolean isSource(String name) {
        return name.endsWith(".java") || name.equals("flags.yml") || name.equals("flags.yaml");
    }

    public static void write(Path archive, Map<String, Path> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Path> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getValue().toFile(), PREFIX + f.getKey());
                tar.putArchiveEntry(entry);
                Files.copy(f.getValue(), tar);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive the sources into " + archive + ": " + e.getMessage(), e);
        }
        RunFiles.writeBytes(archive, bytes.toByteArray());
    }

    /** The archived files (name under source/ to text); empty when there is no archive. */
    public static Map<String, String> read(Path archive) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(archive)) {
            return out;
        }
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    String name = e.getName().startsWith(PREFIX) ? e.getName().substring(PREFIX.length()) : e.getName();
                    out.put(name, new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source archive " + archive + ": " + e.getMessage(), e);
        }
        return out;
    }
}
