package dev.horn.cli;

import dev.horn.runs.RunFailedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code horn} command: scripts as tracked runs, the runs they leave, and tuning.
 * {@code ./horn} (the launcher) starts it with Horn on the class path; every subcommand is
 * also a Java API in {@code dev.horn.runs.Runs}.
 */
@Command(name = "horn", mixinStandardHelpOptions = true, version = "horn 0.1.0",
        description = "Deep learning on the JVM: run scripts as tracked runs, list and compare runs, tune flags.",
        subcommands = {RunCommand.class, RunsCommand.class, TuneCommand.class, CommandLine.HelpCommand.class})
public final class HornCommand {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status: 0 done, 1 failed, 2 bad usage. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new HornCommand());
        // a script's own options (--offline, --epochs=3) go to the script, as a plain java run passes them
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (e instanceof RunFailedException) {
                err.println("horn: " + e.getMessage());
            } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.UncheckedIOException) {
                err.println("horn: " + e.getMessage());
            } else {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }
}
