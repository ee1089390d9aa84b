package dev.horn.runs;

import dev.horn.runs.internal.RunFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Run directories written by hand, as a finished, failed, running or broken run leaves them. */
final class SyntheticRuns {
    private SyntheticRuns() {}

    static RunDir completed(Path runsDir, String name, double start, double accuracy, double loss, double dropout) {
        RunDir run = base(runsDir, name, start);
        run.writeProperty("end", start + 60);
        run.writeProperty("completed", true);
        run.writeProperty("epochs", 2);
        run.writeProperty("batch_size", 128);
        RunFiles.writeJson(run.flagsFile(), Map.of("dropout1", dropout));
        RunFiles.writeJson(run.metricsFile(), lossThenAccuracy(List.of(0.5, loss), List.of(0.8, accuracy)));
        RunFiles.writeJson(run.evaluationFile(), lossThenAccuracy(loss, accuracy));
        return run;
    }

    /** Keras' order of the logs (Map.of has none, and the listing keeps the files' order). */
    private static Map<String, Object> lossThenAccuracy(Object loss, Object accuracy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("accuracy", accuracy);
        return m;
    }

    /** A run whose supervising process is this JVM and which has not ended. */
    static RunDir running(Path runsDir, String name, double start) {
        RunDir run = base(runsDir, name, start);
        run.writeProperty("pid", ProcessHandle.current().pid());
        RunFiles.writeText(run.metricsFile(), "{\"loss\": [0.7, null, null]}");
        return run;
    }

    static RunDir base(Path runsDir, String name, double start) {
        RunDir run = new RunDir(runsDir.resolve(name));
        run.writeProperty("type", "training");
        run.writeProperty("script", "mnist_mlp.java");
        run.writeProperty("start", start);
        run.writeProperty("completed", false);
        run.writeProperty("pid", Long.MAX_VALUE); // no such process
        return run;
    }
}
