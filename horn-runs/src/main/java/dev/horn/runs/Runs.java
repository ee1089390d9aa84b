package dev.horn.runs;

import dev.horn.runs.report.ReportPages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * tfruns from Java: run scripts as tracked runs, list, view, compare, clean, purge and copy them.
 * {@snippet :
 * RunRecord run = Runs.trainingRun(Path.of("mnist_mlp.java"), Map.of("dropout1", 0.3));
 * List<RunRecord> best = Runs.lsRuns(RunQuery.in(Path.of("runs"))
 *         .filter("eval_accuracy > 0.97").order("eval_accuracy", false));
 * }
 */
public final class Runs {
    /** The subdirectory of a runs directory that {@link #cleanRuns} moves runs to. */
    public static final String ARCHIVE = "archive";

    private Runs() {}

    /** Runs {@code script} as a tracked run under ./runs; throws {@link RunFailedException} when it fails. */
    public static RunRecord trainingRun(Path script) {
        return trainingRun(TrainingRun.of(script));
    }

    public static RunRecord trainingRun(Path script, Map<String, ?> flags) {
        return trainingRun(TrainingRun.of(script).flags(flags));
    }

    public static RunRecord trainingRun(TrainingRun request) {
        return trainingRun(request, System.out);
    }

    /** Runs the script, printing its output (when echo is on) to {@code console}. */
    public static RunRecord trainingRun(TrainingRun request, PrintStream console) {
        RunRecord run = RunLauncher.launch(request, console);
        if (run.status() != RunStatus.COMPLETED) {
            throw new RunFailedException(run, "run " + run.runDir() + " failed: " + run.get("error_message"));
        }
        return run;
    }

    /** The runs a query selects, as rows with tfruns' columns. */
    public static List<RunRecord> lsRuns(RunQuery query) {
        return query.run();
    }

    /** Every run under ./runs, the most recent first. */
    public static List<RunRecord> lsRuns() {
        return lsRuns(new RunQuery());
    }

    /** The most recently started run under {@code runsDir}. */
    public static Optional<RunRecord> latestRun(Path runsDir) {
        return lsRuns(RunQuery.in(runsDir).latest(1)).stream().findFirst();
    }

    /** The row of one run directory. */
    public static RunRecord runInfo(Path runDir) {
        return RunReader.read(new RunDir(runDir), Path.of(""));
    }

    /** Writes the run's self-contained HTML report to {@code output} and returns it. */
    public static Path viewRun(RunRecord run, Path output) {
        return ReportPages.writeRunReport(run.dir(), run.runDir(), output);
    }

    /** Writes a side-by-side comparison of two runs (metrics, flags, source diff) to {@code output}. */
    public static Path compareRuns(RunRecord a, RunRecord b, Path output) {
        return ReportPages.writeComparison(a.dir(), a.runDir(), b.dir(), b.runDir(), output);
    }

    /** Moves runs into {@code runsDir/archive} (tfruns' {@code clean_runs}); returns where they went. */
    public static List<Path> cleanRuns(Path runsDir, List<RunRecord> runs) {
        Path archive = runsDir.resolve(ARCHIVE);
        List<Path> moved = new ArrayList<>();
        try {
            Files.createDirectories(archive);
            for (RunRecord r : runs) {
                if (r.status() == RunStatus.RUNNING) {
                    throw new IllegalStateException("run " + r.runDir() + " is still running; it was not cleaned");
                }
                Path target = archive.resolve(r.dir().path().getFileName());
                Files.move(r.dir().path(), target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive runs into " + archive + ": " + e.getMessage(), e);
        }
        return moved;
    }

    /** Deletes the archived runs for good (tfruns' {@code purge_runs}); returns how many were deleted. */
    public static int purgeRuns(Path runsDir) {
        Path archive = runsDir.resolve(ARCHIVE);
        if (!Files.isDirectory(archive)) {
            return 0;
        }
        try (var children = Files.list(archive)) {
            int n = (int) children.filter(Files::isDirectory).count();
            deleteTree(archive);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a run directory into {@code to} (tfruns' {@code copy_run}), under {@code rename} when
     * given; with {@code filesOnly} only the run's artifacts, without tfruns.d (tfruns' {@code copy_run_files}).
     */
    public static Path copyRun(RunRecord run, Path to, String rename, boolean filesOnly) {
        Path source = run.dir().path();
        Path target = to.resolve(rename != null ? rename : source.getFileName().toString());
        if (Files.exists(target) && !filesOnly) {
            throw new IllegalArgumentException("cannot copy " + run.runDir() + ": " + target + " exists already");
        }
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (filesOnly && dir.getFileName().toString().equals(RunDir.META) && dir.getParent().equals(source)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
