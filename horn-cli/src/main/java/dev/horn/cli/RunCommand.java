package dev.horn.cli;

import dev.horn.runs.RunRecord;
import dev.horn.runs.Runs;
import dev.horn.runs.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code horn run script.java [--flag name=value]...}: tfruns' {@code training_run}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a Java script (JDK source launcher) as a tracked run in runs/<UTC time>/:",
                "flags, metrics after every epoch, evaluation, model, console output, sources and files it wrote.",
                "A live dashboard on 127.0.0.1 shows the metrics while it trains."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The script (a .java file with void main()).")
    Path script;

    @Parameters(index = "1..*", description = "Arguments passed to the script.")
    List<String> args = new ArrayList<>();

    @Option(names = "--flag", description = "name=value: a flag the script declares (over flags.yml and defaults).")
    List<String> flags = new ArrayList<>();

    @Option(names = "--run-dir", description = "Record into this directory instead of a new one under --runs-dir.")
    Path runDir;

    @Option(names = "--no-dashboard", description = "Do not serve the live dashboard.")
    boolean noDashboard;

    @Option(names = "--no-browser", description = "Serve the dashboard but do not open a browser.")
    boolean noBrowser;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public Integer call() {
        TrainingRun request = options.apply(TrainingRun.of(script).flags(FlagArgs.single(flags)).args(args))
                .dashboard(!noDashboard, !noBrowser);
        if (runDir != null) {
            request.runDir(runDir);
        }
        RunRecord run = Runs.trainingRun(request);
        System.out.println("Run completed: " + run.runDir());
        return 0;
    }
}
