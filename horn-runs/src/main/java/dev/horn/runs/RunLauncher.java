package dev.horn.runs;

import dev.horn.runs.internal.Artifacts;
import dev.horn.runs.internal.RunFiles;
import dev.horn.runs.internal.ScriptError;
import dev.horn.runs.internal.SourceArchive;
import dev.horn.runs.internal.UniqueRunDir;
import dev.horn.runs.report.LiveDashboard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one script as a tracked run: makes the run directory, records the start, the sources
 * and the requested flags, starts the script in a child JVM (the JDK source launcher, with
 * this JVM's class path and flags) that records itself through {@link ActiveRun}, copies its
 * console output to the run (and to the terminal), and records how it ended.
 */
final class RunLauncher {
    private RunLauncher() {}

    static RunRecord launch(TrainingRun request, PrintStream console) {
        Path script = request.script;
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("no such script: " + script);
        }
        Path workDir = request.workDir.toAbsolutePath().normalize();
        Path runsDir = workDir.resolve(request.runsDir);
        Instant start = Instant.now();
        RunDir run = request.runDir != null ? createExact(workDir.resolve(request.runDir))
                : UniqueRunDir.create(runsDir, start);
        run.writeProperty("type", "training");
        run.writeProperty("context", "local");
        run.writeProperty("script", script.toString());
        run.writeProperty("start", start.toEpochMilli() / 1000.0);
        run.writeProperty("completed", false);
        run.writeProperty("pid", ProcessHandle.current().pid());
        request.properties.forEach(run::writeProperty);
        SourceArchive.write(run.sourceArchive(), SourceArchive.sourcesOf(script, workDir));
        if (!request.flags.isEmpty()) {
            RunFiles.writeJson(run.flagsFile(), request.flags);
        }
        console.println("Using run directory " + displayPath(workDir, run.path()));

        LiveDashboard dashboard = request.dashboard ? LiveDashboard.start(run, displayPath(workDir, run.path()), 0) : null;
        if (dashboard != null) {
            console.println("Live metrics: " + dashboard.url());
            if (request.openBrowser) {
                dashboard.openBrowser();
            }
        }
        int exit;
        try {
            exit = runChild(request, run, workDir, console);
        } finally {
            run.writeProperty("end", Instant.now().toEpochMilli() / 1000.0);
        }
        List<String> artifacts = Artifacts.collect(workDir, runsDir, run, start);
        if (!artifacts.isEmpty()) {
            run.writeProperty("artifacts", String.join(",", artifacts));
        }
        if (exit == 0) {
            run.writeProperty("completed", true);
        } else {
            RunFiles.writeJson(run.errorFile(), ScriptError.fromOutput(run.output(), exit));
        }
        if (dashboard != null) {
            dashboard.stop();
        }
        return RunReader.read(run, workDir);
    }

    private static RunDir createExact(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
        return new RunDir(dir);
    }

    private static int runChild(TrainingRun request, RunDir run, Path workDir, PrintStream console) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-Dhorn.run.") && !arg.startsWith("-javaagent") && !arg.startsWith("-agentlib")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-D" + ActiveRun.DIR_PROPERTY + "=" + run.path());
        command.add("-D" + ActiveRun.CONFIG_PROPERTY + "=" + request.config);
        if (!request.flags.isEmpty()) {
            try {
                command.add("-D" + ActiveRun.FLAGS_PROPERTY + "=" + RunFiles.JSON.writeValueAsString(request.flags));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (request.flagsFile != null) {
            command.add("-D" + ActiveRun.FLAGS_FILE_PROPERTY + "=" + workDir.resolve(request.flagsFile));
        }
        command.add(request.script.toAbsolutePath().toString());
        command.addAll(request.args);
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            // Ctrl-C on horn run ends the script too, instead of leaving it training unseen
            Thread stopScript = new Thread(p::destroy);
            Runtime.getRuntime().addShutdownHook(stopScript);
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream(); OutputStream log = Files.newOutputStream(run.outputFile())) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    log.write(buf, 0, n);
                    log.flush();
                    if (request.echo) {
                        console.write(buf, 0, n);
                        console.flush();
                    }
                }
            }
            int exit = p.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stopScript);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook has run or is running
            }
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + request.script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + request.script, e);
        }
    }

    /** The path as the user would type it from the working directory (runs/2026-...). */
    static String displayPath(Path workDir, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
    }
}
