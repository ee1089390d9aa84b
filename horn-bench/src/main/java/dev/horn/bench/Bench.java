package dev.horn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./horn bench}: {@code list} shows the benchmarks; {@code NAME [options]} runs one,
 * prints its table and writes {@code bench-results/NAME-<UTC timestamp>.json} (the rows, the
 * notes, the options and the machine's facts).
 */
public final class Bench {
    /** Every benchmark {@code ./horn bench} knows; add yours here (one line). */
    static final List<Benchmark> BENCHMARKS = List.of(
            new GraphBench(),
            new GemmBench(),
            new ElementwiseBench(),
            new MnistMlpBench(),
            new LstmTextBench(),
            new MnistCnnBench());

    /** Options every benchmark takes. */
    static final Map<String, String> COMMON_OPTIONS = Map.of(
            "quick", "a short run (seconds), for checking that it works rather than for figures",
            "out", "directory for the JSON result (default bench-results)",
            "help", "show the benchmark's options");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private Bench() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("list") || args[0].equals("--help") || args[0].equals("-h")) {
            printList();
            return 0;
        }
        Benchmark benchmark = find(args[0]);
        if (benchmark == null) {
            System.err.println("horn bench: no benchmark named '" + args[0] + "'");
            printList();
            return 2;
        }
        Options options;
        try {
            options = Options.parse(Arrays.asList(args).subList(1, args.length));
            checkKnown(benchmark, options);
        } catch (IllegalArgumentException e) {
            System.err.println("horn bench " + benchmark.name() + ": " + e.getMessage());
            printOptions(benchmark);
            return 2;
        }
        if (options.flag("help")) {
            printOptions(benchmark);
            return 0;
        }
        Map<String, Object> machine = Machine.facts();
        Instant started = Instant.now();
        System.out.println(benchmark.name() + ": " + benchmark.description());
        System.out.println(Machine.summary(machine));
        Report report;
        try {
            report = benchmark.run(options);
        } catch (IllegalArgumentException e) {
            System.err.println("horn bench " + benchmark.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("horn bench " + benchmark.name() + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
        double elapsed = java.time.Duration.between(started, Instant.now()).toNanos() / 1e9;
        System.out.println();
        System.out.print(ResultTable.format(report.rows()));
        report.facts().forEach((k, v) -> System.out.println(k + ": " + v));
        report.notes().forEach(n -> System.out.println("note: " + n));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", benchmark.name());
        json.put("description", benchmark.description());
        json.put("started_utc", started.truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("elapsed_s", elapsed);
        json.put("options", options.asMap());
        json.put("machine", machine);
        json.put("load_average_end", Machine.loadAverage());
        json.put("facts", report.facts());
        json.put("notes", report.notes());
        json.put("rows", report.rows());
        try {
            Path written = write(Path.of(options.string("out", "bench-results")), benchmark.name(), started, json);
            System.out.printf("%nwrote %s (%.1f s)%n", written, elapsed);
        } catch (IOException e) {
            System.err.println("horn bench: could not write the result: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    static Benchmark find(String name) {
        return BENCHMARKS.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    private static void checkKnown(Benchmark benchmark, Options options) {
        for (String key : options.asMap().keySet()) {
            if (!COMMON_OPTIONS.containsKey(key) && !benchmark.options().containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
    }

    /** Writes the JSON to a temporary file beside the target and moves it into place, so no half-written result is ever seen. */
    static Path write(Path dir, String name, Instant started, Map<String, Object> json) throws IOException {
        Files.createDirectories(dir);
        String stem = name + "-" + STAMP.format(started);
        Path target = dir.resolve(stem + ".json");
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(stem + "-" + i + ".json");
        }
        Path tmp = Files.createTempFile(dir, "." + stem, ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), json);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static void printList() {
        System.out.println("usage: ./horn bench NAME [--quick] [--out DIR] [options]   (./horn bench NAME --help: its options)");
        System.out.println();
        int width = BENCHMARKS.stream().mapToInt(b -> b.name().length()).max().orElse(0);
        for (Benchmark b : BENCHMARKS) {
            System.out.printf("  %-" + width + "s  %s%n", b.name(), b.description());
        }
    }

    private static void printOptions(Benchmark benchmark) {
        System.out.println("./horn bench " + benchmark.name() + ": " + benchmark.description());
        Map<String, String> all = new LinkedHashMap<>(benchmark.options());
        all.putAll(new java.util.TreeMap<>(COMMON_OPTIONS));
        int width = all.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        all.forEach((k, v) -> System.out.printf("  %-" + width + "s  %s%n", "--" + k, v));
    }
}
