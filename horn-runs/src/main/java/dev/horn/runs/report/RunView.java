package dev.horn.runs.report;

import dev.horn.runs.RunDir;
import dev.horn.runs.Runs;
import dev.horn.runs.internal.SourceArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a report shows of one run, as the JSON the page renders (tfruns' {@code view_run}
 * data): summary, flags, training settings, per-epoch history, evaluation, model summary,
 * plots (inlined as data URIs), console output, sources and error.
 */
public final class RunView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RunView() {}

    public static Map<String, Object> of(RunDir run, String label) {
        var record = Runs.runInfo(run.path());
        Map<String, String> p = run.exists() ? run.properties() : Map.of();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "run");
        d.put("run_dir", label);
        d.put("status", record.status().toString());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("script", p.containsKey("script") ? Path.of(p.get("script")).getFileName().toString() : null);
        attributes.put("type", p.get("type"));
        Instant start = instant(p.get("start"));
        Instant end = instant(p.get("end"));
        attributes.put("started", start == null ? null : TIME.format(start));
        attributes.put("ended", end == null ? null : TIME.format(end));
        if (start != null) {
            attributes.put("duration", duration(Duration.between(start, end != null ? end : Instant.now())));
        }
        d.put("attributes", attributes);
        d.put("flags", asWritten(safe(run::flags)));
        d.put("history", safe(run::metrics));
        d.put("evaluation", safe(run::evaluation));
        Map<String, Object> training = new LinkedHashMap<>();
        for (String k : List.of("samples", "validation_samples", "epochs", "epochs_completed", "batch_size")) {
            if (record.get(k) != null) {
                training.put(k, record.get(k));
            }
        }
        d.put("training", training);
        d.put("model", p.get("model"));
        d.put("loss_function", p.get("loss_function"));
        d.put("optimizer", p.get("optimizer"));
        d.put("learning_rate", record.get("learning_rate"));
        d.put("output", run.output());
        d.put("sources", SourceArchive.read(run.sourceArchive()));
        d.put("plots", plots(run));
        d.put("artifacts", p.containsKey("artifacts") ? List.of(p.get("artifacts").split(",")) : List.of());
        Map<String, Object> error = safe(run::error);
        if (record.get("error_message") != null && error.isEmpty()) {
            error = Map.of("message", record.get("error_message"));
        }
        d.put("error", error);
        d.put("live", false);
        return d;
    }

    /** Flag values as the script's types print them (dropout 0.0, not 0), since the page's JSON numbers lose the type. */
    private static Map<String, Object> asWritten(Map<String, Object> flags) {
        Map<String, Object> out = new LinkedHashMap<>();
        flags.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static Map<String, Object> safe(java.util.function.Supplier<Map<String, Object>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Map.of("unreadable", e.getMessage());
        }
    }

    private static List<Map<String, String>> plots(RunDir run) {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.isDirectory(run.plotsDir())) {
            return out;
        }
        try (Stream<Path> files = Files.walk(run.plotsDir())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = run.plotsDir().relativize(f).toString();
                String type = mimeType(name);
                if (type != null) {
                    out.add(Map.of("name", name, "src",
                            "data:" + type + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(f))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plots of " + run + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String mimeType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return n.endsWith(".gif") ? "image/gif" : null;
    }

    private static Instant instant(String seconds) {
        return seconds == null ? null : Instant.ofEpochMilli(Math.round(Double.parseDouble(seconds) * 1000));
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
