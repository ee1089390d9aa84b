package dev.horn.runs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a run directory into its listing row; a run that cannot be read becomes a corrupt row, never an exception. */
final class RunReader {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> INTEGERS = List.of("samples", "validation_samples", "batch_size", "epochs",
            "epochs_completed");

    private RunReader() {}

    static RunRecord read(RunDir run, Path workDir) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("run_dir", RunLauncher.displayPath(workDir.toAbsolutePath().normalize(), run.path()));
        double start = 0;
        try {
            if (!run.exists()) {
                throw new IllegalStateException("no " + RunDir.META + " folder");
            }
            Map<String, String> p = run.properties();
            if (!p.containsKey("start")) {
                throw new IllegalStateException("no start property");
            }
            start = Double.parseDouble(p.get("start"));
            run.evaluation().forEach((k, v) -> c.put("eval_" + k, v));
            run.metrics().forEach((k, v) -> {
                Object last = lastValue(v);
                if (last != null) {
                    c.put("metric_" + k, last);
                }
            });
            run.flags().forEach((k, v) -> c.put("flag_" + k, v));
            for (String name : INTEGERS) {
                if (p.containsKey(name)) {
                    c.put(name, Integer.parseInt(p.get(name)));
                }
            }
            if (p.containsKey("metrics")) {
                c.put("metrics", RunLauncher.displayPath(workDir.toAbsolutePath().normalize(), run.metricsFile()));
            }
            putText(c, p, "model");
            putText(c, p, "loss_function");
            putText(c, p, "optimizer");
            if (p.containsKey("learning_rate")) {
                c.put("learning_rate", Double.parseDouble(p.get("learning_rate")));
            }
            putText(c, p, "script");
            c.put("start", TIME.format(seconds(start)));
            if (p.containsKey("end")) {
                c.put("end", TIME.format(seconds(Double.parseDouble(p.get("end")))));
            }
            c.put("completed", Boolean.parseBoolean(p.get("completed")));
            c.put("output", run.output());
            Map<String, Object> error = run.error();
            if (error.get("message") != null) {
                c.put("error_message", String.valueOf(error.get("message")));
            }
            c.put("source_code", RunLauncher.displayPath(workDir.toAbsolutePath().normalize(), run.sourceArchive()));
            putText(c, p, "context");
            putText(c, p, "type");
            p.forEach((k, v) -> {
                if (!c.containsKey(k) && !k.equals("pid") && !k.equals("metrics")) {
                    c.put(k, v); // properties the user added (TrainingRun.property)
                }
            });
            RunStatus status = status(p, c);
            c.put("status", status.toString());
            return new RunRecord(run, status, c, start);
        } catch (RuntimeException e) {
            Map<String, Object> corrupt = new LinkedHashMap<>();
            corrupt.put("run_dir", c.get("run_dir"));
            corrupt.put("error_message", "corrupt run: " + e.getMessage());
            corrupt.put("status", RunStatus.CORRUPT.toString());
            return new RunRecord(run, RunStatus.CORRUPT, corrupt, start);
        }
    }

    private static RunStatus status(Map<String, String> p, Map<String, Object> c) {
        if (Boolean.TRUE.equals(c.get("completed"))) {
            return RunStatus.COMPLETED;
        }
        if (p.containsKey("end")) {
            return RunStatus.FAILED;
        }
        String pid = p.get("pid");
        boolean alive = pid != null && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        return alive ? RunStatus.RUNNING : RunStatus.ABORTED;
    }

    private static Object lastValue(Object history) {
        if (history instanceof List<?> values) {
            for (int i = values.size() - 1; i >= 0; i--) {
                if (values.get(i) != null) {
                    return values.get(i);
                }
            }
            return null;
        }
        return history;
    }

    private static void putText(Map<String, Object> c, Map<String, String> p, String name) {
        if (p.containsKey(name)) {
            c.put(name, p.get(name));
        }
    }

    private static Instant seconds(double s) {
        return Instant.ofEpochMilli(Math.round(s * 1000));
    }
}
