package dev.horn.cli;

import dev.horn.runs.RunDir;
import dev.horn.runs.RunQuery;
import dev.horn.runs.RunRecord;
import dev.horn.runs.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run named on the command line: a run directory's path, its name under the runs directory, or none for the latest. */
final class RunRefs {
    private RunRefs() {}

    static RunRecord resolve(Path runsDir, String ref) {
        if (ref == null || ref.equals("latest")) {
            return Runs.latestRun(runsDir).orElseThrow(() ->
                    new IllegalArgumentException("no runs in " + runsDir + " (start one with: horn run script.java)"));
        }
        Path direct = Path.of(ref);
        Path dir = Files.isDirectory(direct) ? direct : runsDir.resolve(ref);
        if (!Files.isDirectory(dir.resolve(RunDir.META))) {
            throw new IllegalArgumentException("no run '" + ref + "' (neither a run directory nor a run in " + runsDir + ")");
        }
        return Runs.runInfo(dir);
    }

    /** The two latest runs, newest second (tfruns' compare_runs default). */
    static List<RunRecord> latestTwo(Path runsDir) {
        List<RunRecord> runs = Runs.lsRuns(RunQuery.in(runsDir).latest(2));
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs two runs; " + runsDir + " has " + runs.size());
        }
        return List.of(runs.get(1), runs.get(0));
    }
}
