package dev.horn.cli;

import dev.horn.runs.RunQuery;
import dev.horn.runs.RunRecord;
import dev.horn.runs.RunStatus;
import dev.horn.runs.Runs;
import dev.horn.runs.report.LiveDashboard;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code horn runs ls|view|compare|clean|purge|copy}: tfruns' run management. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List, view, compare and manage runs.",
        subcommands = {RunsCommand.Ls.class, RunsCommand.View.class, RunsCommand.Compare.class, RunsCommand.Clean.class,
                RunsCommand.Purge.class, RunsCommand.Copy.class})
final class RunsCommand {
    static final class RunsDir {
        @Option(names = "--runs-dir", defaultValue = "runs", description = "The runs directory (default: ${DEFAULT-VALUE}).")
        Path value;
    }

    @Command(name = "ls", mixinStandardHelpOptions = true,
            description = {"Lists runs with tfruns' columns (ls_runs), newest first.",
                    "Example: horn runs ls \"eval_accuracy > 0.97\" --order eval_accuracy"})
    static final class Ls implements Callable<Integer> {
        @Parameters(arity = "0..1", description = "A filter over the columns: eval_accuracy > 0.97 && flag_units == 512")
        String filter;

        @Mixin RunsDir runsDir = new RunsDir();
        @Mixin ListingOptions listing = new ListingOptions();

        @Override
        public Integer call() {
            List<RunRecord> rows = Runs.lsRuns(listing.apply(RunQuery.in(runsDir.value).filter(filter)));
            System.out.print(listing.print(rows));
            return 0;
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true,
            description = {"Writes a run's self-contained HTML report and opens it (view_run); for a run still going,",
                    "serves the live dashboard until it ends."})
    static final class View implements Callable<Integer> {
        @Parameters(arity = "0..1", description = "The run (default: the latest).")
        String run;

        @Mixin PageOptions page = new PageOptions();
        @Mixin RunsDir runsDir = new RunsDir();

        @Override
        public Integer call() throws InterruptedException {
            RunRecord r = RunRefs.resolve(runsDir.value, run);
            if (r.status() == RunStatus.RUNNING) {
                try (LiveDashboard live = LiveDashboard.start(r.dir(), r.runDir(), 0)) {
                    System.out.println("Run " + r.runDir() + " is still running; live metrics: " + live.url());
                    if (!page.noBrowser) {
                        live.openBrowser();
                    }
                    while (Runs.runInfo(r.dir().path()).status() == RunStatus.RUNNING) {
                        Thread.sleep(500);
                    }
                }
                r = Runs.runInfo(r.dir().path());
            }
            page.show("Report", Runs.viewRun(r, page.fileOr(r.dir().meta().resolve("report.html"))));
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compares two runs side by side: metrics, flags and a source diff (compare_runs).")
    static final class Compare implements Callable<Integer> {
        @Parameters(arity = "0..2", description = "Two runs (default: the latest two).")
        List<String> runs = new ArrayList<>();

        @Mixin PageOptions page = new PageOptions();
        @Mixin RunsDir runsDir = new RunsDir();

        @Override
        public Integer call() {
            List<RunRecord> pair;
            if (runs.isEmpty()) {
                pair = RunRefs.latestTwo(runsDir.value);
            } else if (runs.size() == 2) {
                pair = List.of(RunRefs.resolve(runsDir.value, runs.get(0)), RunRefs.resolve(runsDir.value, runs.get(1)));
            } else {
                throw new IllegalArgumentException("compare takes two runs (or none for the latest two)");
            }
            RunRecord a = pair.get(0);
            RunRecord b = pair.get(1);
            System.out.print(SideBySide.text(a, b));
            Path file = page.fileOr(runsDir.value.resolve("compare-" + a.dir().path().getFileName() + "-"
                    + b.dir().path().getFileName() + ".html"));
            page.show("Comparison", Runs.compareRuns(a, b, file));
            return 0;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Moves runs into RUNS_DIR/archive (clean_runs): the named ones, those matching --filter, or all.")
    static final class Clean implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "Runs to clean (default: all, or those matching --filter).")
        List<String> runs = new ArrayList<>();

        @Option(names = "--filter", description = "Clean the runs matching this filter (as runs ls).")
        String filter;

        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Mixin RunsDir runsDir = new RunsDir();

        @Override
        public Integer call() {
            List<RunRecord> selected = new ArrayList<>();
            if (!runs.isEmpty()) {
                runs.forEach(r -> selected.add(RunRefs.resolve(runsDir.value, r)));
            } else {
                selected.addAll(Runs.lsRuns(RunQuery.in(runsDir.value).filter(filter)));
            }
            if (selected.isEmpty()) {
                System.out.println("No runs to clean.");
                return 0;
            }
            if (!confirm("Move " + selected.size() + " run(s) into " + runsDir.value.resolve(Runs.ARCHIVE) + "?", yes)) {
                return 1;
            }
            List<Path> moved = Runs.cleanRuns(runsDir.value, selected);
            System.out.println("Moved " + moved.size() + " run(s) to " + runsDir.value.resolve(Runs.ARCHIVE)
                    + " (horn runs purge deletes them)");
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Deletes the archived runs for good (purge_runs).")
    static final class Purge implements Callable<Integer> {
        @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
        boolean yes;

        @Mixin RunsDir runsDir = new RunsDir();

        @Override
        public Integer call() {
            if (!confirm("Delete every run in " + runsDir.value.resolve(Runs.ARCHIVE) + " permanently?", yes)) {
                return 1;
            }
            System.out.println("Deleted " + Runs.purgeRuns(runsDir.value) + " archived run(s).");
            return 0;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copies a run directory somewhere else (copy_run); --files-only copies only its artifacts (copy_run_files).")
    static final class Copy implements Callable<Integer> {
        @Parameters(index = "0", description = "The run.")
        String run;

        @Parameters(index = "1", description = "The directory to copy into.")
        Path to;

        @Option(names = "--rename", description = "The name of the copy (default: the run's name).")
        String rename;

        @Option(names = "--files-only", description = "Copy the run's files without tfruns.d.")
        boolean filesOnly;

        @Mixin RunsDir runsDir = new RunsDir();

        @Override
        public Integer call() {
            Path target = Runs.copyRun(RunRefs.resolve(runsDir.value, run), to, rename, filesOnly);
            System.out.println("Copied to " + target);
            return 0;
        }
    }

    /** Asks on the terminal unless told yes; without a terminal, only --yes goes ahead. */
    static boolean confirm(String question, boolean yes) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            System.err.println("horn: " + question + " Not confirmed: add --yes.");
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
    }
}
