package dev.horn.runs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The run this JVM is part of. {@code horn run} (and {@link Runs#trainingRun}) start the script
 * in a child JVM with these system properties; Keras' {@code fit}/{@code evaluate} and
 * {@link Flags#flags} read them to record into the run directory. Outside a run nothing is
 * recorded and flags take their defaults and {@code flags.yml}.
 */
public final class ActiveRun {
    /** The run directory, absolute. */
    public static final String DIR_PROPERTY = "horn.run.dir";
    /** Flag values given for this run (--flag, trainingRun(flags)), a JSON object of name to value. */
    public static final String FLAGS_PROPERTY = "horn.run.flags";
    /** The flags.yml profile to use (tfruns' config), "default" when unset. */
    public static final String CONFIG_PROPERTY = "horn.run.config";
    /** A flags file to read instead of ./flags.yml. */
    public static final String FLAGS_FILE_PROPERTY = "horn.run.flagsFile";

    private ActiveRun() {}

    /** The current run's directory, when this JVM runs inside one (tfruns' {@code run_dir()}). */
    public static Optional<RunDir> current() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(new RunDir(Path.of(dir)));
    }
}
