package dev.horn.runs.internal;

import dev.horn.runs.RunDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a script wrote into its working directory during the run (a saved model, a history
 * plot), copied into the run directory as tfruns keeps them: images under {@code plots/}, the
 * rest at the run directory's top. Hidden folders, build output and the runs folder are skipped.
 */
public final class Artifacts {
    private static final int MAX_DEPTH = 4;
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", "build");
    private static final Set<String> IMAGES = Set.of("png", "svg", "jpg", "jpeg", "gif");

    private Artifacts() {}

    /** Copies what changed since {@code start}; returns the paths copied, relative to the run directory. */
    public static List<String> collect(Path workDir, Path runsDir, RunDir run, Instant start) {
        List<String> copied = new ArrayList<>();
        Path runs = runsDir.toAbsolutePath().normalize();
        Path root = workDir.toAbsolutePath().normalize();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name)
                            || dir.startsWith(runs) || Files.isDirectory(dir.resolve(RunDir.META)));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && !attrs.lastModifiedTime().toInstant().isBefore(start)
                            && !file.getFileName().toString().startsWith(".")) {
                        String relative = root.relativize(file).toString();
                        Path target = (isImage(relative) ? run.plotsDir() : run.path()).resolve(relative);
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                        copied.add(run.path().relativize(target).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the run's files into " + run + ": " + e.getMessage(), e);
        }
        return copied;
    }

    static boolean isImage(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
