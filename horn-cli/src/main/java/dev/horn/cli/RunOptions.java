package dev.horn.cli;

import dev.horn.runs.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code tune} share: where runs go and how each is set up. */
final class RunOptions {
    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories are made (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--config", defaultValue = "default", description = "The flags.yml profile to use (default: ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--flags-file", description = "A YAML file of flag values to read instead of ./flags.yml.")
    Path flagsFile;

    @Option(names = "--property", description = "name=value recorded with the run and listed by runs ls.")
    List<String> properties = new ArrayList<>();

    @Option(names = "--work-dir", description = "The directory the script runs in; what it writes there is kept with the run (default: the current one).")
    Path workDir;

    @Option(names = "--quiet", description = "Do not echo the script's output (it is still recorded).")
    boolean quiet;

    TrainingRun apply(TrainingRun run) {
        run.runsDir(runsDir).config(config).echo(!quiet);
        if (workDir != null) {
            run.workDir(workDir);
        }
        if (flagsFile != null) {
            run.flagsFile(flagsFile);
        }
        FlagArgs.properties(properties).forEach(run::property);
        return run;
    }
}
