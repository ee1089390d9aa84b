package dev.horn.cli;

import dev.horn.runs.internal.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The horn command end to end on a small model: run, runs ls/view/compare/copy/clean/purge, tune. */
@Tag("slow")
class HornCommandTest {
    private static final Path TINY = Path.of("../horn-runs/src/test/resources/scripts/TinyClassifier.java").toAbsolutePath();

    @TempDir
    Path work;

    record Result(int status, String out, String err) {}

    private static Result horn(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = HornCommand.execute(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String runs() {
        return work.resolve("runs").toString();
    }

    @Test
    void runListViewTuneCompareCopyCleanAndPurge() throws Exception {
        Result run = horn("run", TINY.toString(), "--flag", "epochs=2", "--work-dir", work.toString(), "--no-dashboard");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Using run directory runs/", "Epoch 2/2", "Run completed: runs/");

        Result ls = horn("runs", "ls", "--runs-dir", runs(), "--width", "200");
        assertThat(ls.status()).as(ls.err()).isZero();
        assertThat(ls.out()).startsWith("Data frame: 1 x ").contains("run_dir", "eval_loss", "eval_accuracy",
                "metric_val_accuracy", "# ... with ", "flag_epochs");
        List<?> json = RunFiles.JSON.readValue(horn("runs", "ls", "--runs-dir", runs(), "--format", "json").out(), List.class);
        Map<?, ?> row = (Map<?, ?>) json.getFirst();
        assertThat(row.get("flag_epochs")).isEqualTo(2);
        assertThat(row.get("epochs_completed")).isEqualTo(2);
        assertThat(row.get("status")).isEqualTo("completed");
        String csv = horn("runs", "ls", "eval_accuracy > 0.5", "--runs-dir", runs(), "--format", "csv").out();
        assertThat(csv).startsWith("run_dir,eval_loss,eval_accuracy,");
        assertThat(csv.lines().filter(l -> l.startsWith(runs()))).as("one record per run").hasSize(1);
        assertThat(horn("runs", "ls", "eval_accuracy > 1.5", "--runs-dir", runs()).out()).startsWith("Data frame: 0 x 0");
        Result badFilter = horn("runs", "ls", "eval_acc > 0.5", "--runs-dir", runs());
        assertThat(badFilter.status()).isEqualTo(1);
        assertThat(badFilter.err()).contains("horn: Unknown column 'eval_acc'");

        Result view = horn("runs", "view", "--runs-dir", runs(), "--no-browser");
        assertThat(view.status()).as(view.err()).isZero();
        Path report = Path.of(view.out().replaceAll("(?s).*Report: (\\S+).*", "$1").trim());
        assertThat(Files.readString(report)).contains("id=\"run-data\"", "function chart(", "\"epochs_completed\":2")
                .doesNotContain("__DATA__", "__SCRIPT__");

        Result tune = horn("tune", TINY.toString(), "--flag", "units=4,8", "--flag", "epochs=1", "--work-dir", work.toString(),
                "--quiet", "--width", "200");
        assertThat(tune.status()).as(tune.err()).isZero();
        assertThat(tune.out()).contains("2 total combinations of flags", "Training run 2/2", "Data frame: 2 x ");
        List<String> rows = tune.out().lines().filter(l -> l.matches("^[12] runs/.*")).toList();
        assertThat(rows).hasSize(2);
        double first = Double.parseDouble(rows.get(0).trim().split("\\s+")[2]);
        double second = Double.parseDouble(rows.get(1).trim().split("\\s+")[2]);
        assertThat(first).as("sorted by eval_accuracy, best first").isGreaterThanOrEqualTo(second);

        Result compare = horn("runs", "compare", "--runs-dir", runs(), "--no-browser");
        assertThat(compare.status()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("* flag_units", "Comparison: ");

        String latest = ((Map<?, ?>) RunFiles.JSON.readValue(horn("runs", "ls", "--runs-dir", runs(), "--latest", "1",
                "--format", "json").out(), List.class).getFirst()).get("run_dir").toString();
        Result copy = horn("runs", "copy", latest, work.resolve("best").toString(), "--rename", "chosen");
        assertThat(copy.status()).as(copy.err()).isZero();
        assertThat(work.resolve("best/chosen/tfruns.d/metrics.json")).isRegularFile();

        Result clean = horn("runs", "clean", "--filter", "flag_units == 4", "--runs-dir", runs(), "--yes");
        assertThat(clean.status()).as(clean.err()).isZero();
        assertThat(clean.out()).contains("Moved 1 run(s)");
        assertThat(horn("runs", "ls", "--runs-dir", runs()).out()).startsWith("Data frame: 2 x ");
        assertThat(horn("runs", "purge", "--runs-dir", runs()).status()).as("purge asks first").isEqualTo(1);
        assertThat(horn("runs", "purge", "--runs-dir", runs(), "--yes").out()).contains("Deleted 1 archived run(s)");
    }

    @Test
    void badFlagsExitWithAMessageNamingTheFlag() {
        Result unknown = horn("run", TINY.toString(), "--flag", "dropout=0.5", "--work-dir", work.toString(),
                "--no-dashboard", "--quiet");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("horn: run runs/", "failed: Unknown flag 'dropout'");
        Result malformed = horn("run", TINY.toString(), "--flag", "epochs", "--work-dir", work.toString());
        assertThat(malformed.status()).isEqualTo(1);
        assertThat(malformed.err()).contains("--flag needs name=value, got 'epochs'");
        Result noScript = horn("run", work.resolve("Missing.java").toString(), "--work-dir", work.toString());
        assertThat(noScript.err()).contains("no such script");
        assertThat(horn("runs", "view", "nope", "--runs-dir", runs()).err()).contains("no run 'nope'");
    }
}
