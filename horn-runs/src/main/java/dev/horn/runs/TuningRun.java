package dev.horn.runs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * tfruns' {@code tuning_run}: one tracked run per combination of flag values (the full grid, or
 * a random {@code sample} fraction of it), all with the same other settings.
 * {@snippet :
 * List<RunRecord> runs = TuningRun.of(Path.of("mnist_mlp.java"))
 *         .flag("dropout1", List.of(0.2, 0.3, 0.4))
 *         .flag("dropout2", List.of(0.2, 0.3, 0.4))
 *         .run(System.out);
 * }
 */
public final class TuningRun {
    private final Path script;
    private final Map<String, List<Object>> grid = new LinkedHashMap<>();
    private Double sample;
    private long seed = System.nanoTime();
    private Function<Map<String, Object>, TrainingRun> template;

    private TuningRun(Path script) {
        this.script = script;
        this.template = flags -> TrainingRun.of(script).flags(flags);
    }

    public static TuningRun of(Path script) {
        return new TuningRun(script);
    }

    public TuningRun flag(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("flag '" + name + "' has no values to tune over");
        }
        grid.put(name, List.copyOf(values));
        return this;
    }

    /** Run only this fraction (0, 1] of the combinations, drawn at random. */
    public TuningRun sample(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("sample must be in (0, 1], got " + fraction);
        }
        this.sample = fraction;
        return this;
    }

    public TuningRun seed(long value) {
        this.seed = value;
        return this;
    }

    /** How each run is set up (runs dir, echo, ...), given its flags; the flags must be passed on. */
    public TuningRun each(Function<Map<String, Object>, TrainingRun> runTemplate) {
        this.template = runTemplate;
        return this;
    }

    /** The combinations that will run, in grid order (the first flag varies slowest). */
    public List<Map<String, Object>> combinations() {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> f : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                for (Object v : f.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(f.getKey(), v);
                    next.add(m);
                }
            }
            all = next;
        }
        if (sample != null) {
            int keep = Math.max(1, (int) Math.round(all.size() * sample));
            List<Integer> picks = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                picks.add(i);
            }
            Collections.shuffle(picks, new Random(seed));
            List<Integer> chosen = new ArrayList<>(picks.subList(0, keep));
            Collections.sort(chosen);
            List<Map<String, Object>> sampled = new ArrayList<>();
            for (int i : chosen) {
                sampled.add(all.get(i));
            }
            return sampled;
        }
        return all;
    }

    /**
     * Runs every combination in turn; a failed run is reported and the rest still run. Returns
     * the rows of all of them (failed ones included, with status failed).
     */
    public List<RunRecord> run(PrintStream console) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("a tuning run needs at least one flag with values");
        }
        List<Map<String, Object>> combos = combinations();
        int total = grid.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        console.println(total + " total combinations of flags"
                + (combos.size() < total ? " (sampled to " + combos.size() + " combinations)" : ""));
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            console.println("Training run " + (i + 1) + "/" + combos.size() + " " + combos.get(i));
            TrainingRun r = template.apply(combos.get(i));
            RunRecord record = RunLauncher.launch(r, console);
            if (record.status() != RunStatus.COMPLETED) {
                console.println("run " + record.runDir() + " failed: " + record.get("error_message"));
            }
            runs.add(record);
        }
        return runs;
    }

    public Path script() {
        return script;
    }
}
