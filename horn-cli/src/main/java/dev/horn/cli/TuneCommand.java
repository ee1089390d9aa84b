package dev.horn.cli;

import dev.horn.runs.RunRecord;
import dev.horn.runs.RunStatus;
import dev.horn.runs.TrainingRun;
import dev.horn.runs.TuningRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code horn tune script.java --flag dropout1=0.2,0.3,0.4 ...}: tfruns' {@code tuning_run}. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Runs the script once per combination of flag values (tuning_run), each a tracked run,",
                "then lists them ordered by a metric. Example:",
                "  horn tune mnist.java --flag dropout1=0.2,0.3,0.4 --flag dropout2=0.2,0.3,0.4 --sample 0.3"})
final class TuneCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The script.")
    Path script;

    @Option(names = "--flag", required = true, description = "name=v1,v2,...: the values to try for a flag.")
    List<String> flags = new ArrayList<>();

    @Option(names = "--sample", description = "Run only this fraction of the combinations, drawn at random.")
    Double sample;

    @Option(names = "--seed", description = "Seed of the --sample draw.")
    Long seed;

    @Option(names = "--dashboard", description = "Serve the live dashboard for each run.")
    boolean dashboard;

    @Mixin RunOptions options = new RunOptions();
    @Mixin ListingOptions listing = new ListingOptions();

    @Override
    public Integer call() {
        TuningRun tuning = TuningRun.of(script);
        FlagArgs.grid(flags).forEach(tuning::flag);
        if (sample != null) {
            tuning.sample(sample);
        }
        if (seed != null) {
            tuning.seed(seed);
        }
        tuning.each(values -> options.apply(TrainingRun.of(script).flags(values)).dashboard(dashboard, false));
        List<RunRecord> runs = new ArrayList<>(tuning.run(System.out));
        String order = listing.order != null ? listing.order : defaultOrder(runs);
        if (order != null) {
            Comparator<RunRecord> byMetric = Comparator.comparingDouble(r -> r.number(order));
            runs.sort(Comparator.<RunRecord, Boolean>comparing(r -> Double.isNaN(r.number(order)))
                    .thenComparing(listing.ascending ? byMetric : byMetric.reversed()));
        }
        System.out.print(listing.print(runs));
        return runs.stream().allMatch(r -> r.status() == RunStatus.COMPLETED) ? 0 : 1;
    }

    /** The first evaluation metric that is not the loss (eval_accuracy), else none (newest first). */
    private static String defaultOrder(List<RunRecord> runs) {
        return runs.stream().flatMap(r -> r.columns().keySet().stream())
                .filter(k -> k.startsWith("eval_") && !k.equals("eval_loss")).findFirst().orElse(null);
    }
}
