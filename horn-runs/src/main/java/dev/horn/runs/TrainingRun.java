package dev.horn.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one tracked run is asked to do (tfruns' {@code training_run} arguments): the script,
 * flag values, where runs go, the flags.yml profile, extra properties, and whether to echo
 * the output and serve the live dashboard.
 * {@snippet :
 * RunRecord run = Runs.trainingRun(TrainingRun.of(Path.of("mnist_mlp.java"))
 *         .flag("dropout1", 0.3)
 *         .runsDir(Path.of("runs")));
 * }
 */
public final class TrainingRun {
    final Path script;
    final Map<String, Object> flags = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<String> args = new ArrayList<>();
    Path runsDir = Path.of("runs");
    Path runDir;
    Path workDir = Path.of("");
    Path flagsFile;
    String config = "default";
    boolean echo = true;
    boolean dashboard;
    boolean openBrowser;

    private TrainingRun(Path script) {
        this.script = script;
    }

    public static TrainingRun of(Path script) {
        return new TrainingRun(script);
    }

    public TrainingRun flag(String name, Object value) {
        flags.put(name, value);
        return this;
    }

    public TrainingRun flags(Map<String, ?> values) {
        flags.putAll(values);
        return this;
    }

    /** Where new run directories are made; {@code runs} under the working directory by default. */
    public TrainingRun runsDir(Path dir) {
        this.runsDir = dir;
        return this;
    }

    /** An exact run directory instead of a new one under {@link #runsDir}. */
    public TrainingRun runDir(Path dir) {
        this.runDir = dir;
        return this;
    }

    /** The directory the script runs in (its files written there become the run's artifacts). */
    public TrainingRun workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    public TrainingRun flagsFile(Path file) {
        this.flagsFile = file;
        return this;
    }

    /** The flags.yml profile (tfruns' {@code config}); "default" unless given. */
    public TrainingRun config(String profile) {
        this.config = profile;
        return this;
    }

    /** A property recorded with the run and listed by {@code ls} (tfruns' {@code properties}). */
    public TrainingRun property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Arguments passed to the script's main. */
    public TrainingRun args(List<String> scriptArgs) {
        args.addAll(scriptArgs);
        return this;
    }

    /** Whether the script's output is also printed (it is always recorded); on by default. */
    public TrainingRun echo(boolean on) {
        this.echo = on;
        return this;
    }

    /** Serve the live dashboard on 127.0.0.1 while the run goes (and open a browser when asked and one is there). */
    public TrainingRun dashboard(boolean serve, boolean openBrowser) {
        this.dashboard = serve;
        this.openBrowser = openBrowser;
        return this;
    }

    public Path script() {
        return script;
    }
}
