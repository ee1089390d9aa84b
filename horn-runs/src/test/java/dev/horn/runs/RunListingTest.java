package dev.horn.runs;

import dev.horn.runs.internal.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunListingTest {
    @TempDir
    Path work;
    Path runs;

    @BeforeEach
    void fourRunsOfTheSeed() {
        runs = work.resolve("runs");
        SyntheticRuns.completed(runs, "2017-12-09T19-56-48Z", 1000, 0.9555, 0.1437, 0.4);
        SyntheticRuns.completed(runs, "2017-12-09T19-59-44Z", 2000, 0.9580, 0.1407, 0.3);
        SyntheticRuns.completed(runs, "2017-12-09T21-00-11Z", 3000, 0.9573, 0.1438, 0.2);
        SyntheticRuns.completed(runs, "2017-12-09T21-01-11Z", 4000, 0.9562, 0.1485, 0.4);
    }

    private List<String> dirs(List<RunRecord> rows) {
        return rows.stream().map(r -> r.dir().path().getFileName().toString()).toList();
    }

    private RunQuery query() {
        return RunQuery.in(Path.of("runs")).workDir(work);
    }

    @Test
    void newestFirstWithTfrunsColumns() {
        List<RunRecord> rows = Runs.lsRuns(query());
        assertThat(dirs(rows)).containsExactly("2017-12-09T21-01-11Z", "2017-12-09T21-00-11Z", "2017-12-09T19-59-44Z",
                "2017-12-09T19-56-48Z");
        RunRecord first = rows.getFirst();
        assertThat(first.runDir()).isEqualTo("runs/2017-12-09T21-01-11Z");
        assertThat(List.copyOf(first.columns().keySet())).startsWith("run_dir", "eval_loss", "eval_accuracy",
                "metric_loss", "metric_accuracy", "flag_dropout1");
        assertThat(first.number("eval_accuracy")).isEqualTo(0.9562);
        assertThat(first.get("epochs")).isEqualTo(2);
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void filterAndOrderAsTheSeed() {
        // ls_runs(eval_acc > 0.9570, order = eval_acc): 19-59-44 (0.9580), then 21-00-11 (0.9573)
        List<RunRecord> rows = Runs.lsRuns(query().filter("eval_accuracy > 0.9570").order("eval_accuracy", false));
        assertThat(dirs(rows)).containsExactly("2017-12-09T19-59-44Z", "2017-12-09T21-00-11Z");
        assertThat(dirs(Runs.lsRuns(query().order("eval_loss", true)))).first().isEqualTo("2017-12-09T19-59-44Z");
    }

    @Test
    void latestNTakesTheMostRecentRuns() {
        assertThat(dirs(Runs.lsRuns(query().latest(2)))).containsExactly("2017-12-09T21-01-11Z", "2017-12-09T21-00-11Z");
    }

    @Test
    void unknownColumnIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Runs.lsRuns(query().filter("eval_acc > 0.9"))).hasMessageContaining("Unknown column 'eval_acc'");
        assertThatThrownBy(() -> Runs.lsRuns(query().order("nope", false))).hasMessageContaining("Unknown column 'nope'");
    }

    @Test
    void corruptRunningAndAbortedRunsAreListedAsSuch() throws Exception {
        RunDir corrupt = SyntheticRuns.completed(runs, "2017-12-10T00-00-00Z", 5000, 0.9, 0.2, 0.1);
        RunFiles.writeText(corrupt.metricsFile(), "{\"loss\": [0.5, ");
        Files.createDirectories(runs.resolve("not-a-run"));
        SyntheticRuns.running(runs, "2017-12-10T00-00-01Z", 6000);
        SyntheticRuns.base(runs, "2017-12-10T00-00-02Z", 7000);
        Map<String, RunStatus> status = new java.util.HashMap<>();
        for (RunRecord r : Runs.lsRuns(query())) {
            status.put(r.dir().path().getFileName().toString(), r.status());
        }
        assertThat(status).containsEntry("2017-12-10T00-00-00Z", RunStatus.CORRUPT)
                .containsEntry("not-a-run", RunStatus.CORRUPT)
                .containsEntry("2017-12-10T00-00-01Z", RunStatus.RUNNING)
                .containsEntry("2017-12-10T00-00-02Z", RunStatus.ABORTED)
                .containsEntry("2017-12-09T21-01-11Z", RunStatus.COMPLETED);
        RunRecord broken = Runs.lsRuns(query().filter("status == 'corrupt'")).stream()
                .filter(r -> r.runDir().endsWith("00-00-00Z")).findFirst().orElseThrow();
        assertThat((String) broken.get("error_message")).contains("malformed JSON").contains("metrics.json");
        String table = RunsTable.table(Runs.lsRuns(query()), 200);
        assertThat(table).contains("Data frame: 8 x").contains(" running ").contains(" corrupt ").contains(" aborted ");
    }

    @Test
    void tableCsvAndJson() throws Exception {
        List<RunRecord> rows = Runs.lsRuns(query());
        String table = RunsTable.table(rows, 100);
        assertThat(table.lines().toList().get(0)).startsWith("Data frame: 4 x ");
        assertThat(table.lines().toList().get(1)).contains("run_dir", "eval_loss", "eval_accuracy");
        assertThat(table.lines().toList().get(2)).startsWith("1 runs/2017-12-09T21-01-11Z").contains("0.1485", "0.9562");
        assertThat(table).contains("# ... with ").contains("flag_dropout1");
        String csv = RunsTable.csv(rows);
        assertThat(csv.lines().toList().get(0)).startsWith("run_dir,eval_loss,eval_accuracy,metric_loss");
        assertThat(csv.lines().toList().get(1)).startsWith("runs/2017-12-09T21-01-11Z,0.1485,0.9562,0.1485");
        List<?> json = RunFiles.JSON.readValue(RunsTable.json(rows), List.class);
        assertThat(json).hasSize(4);
        assertThat(((Map<?, ?>) json.getFirst()).get("eval_accuracy")).isEqualTo(0.9562);
    }

    @Test
    void cleanMovesToTheArchiveAndPurgeDeletesIt() {
        List<RunRecord> old = Runs.lsRuns(query().filter("eval_accuracy < 0.957"));
        assertThat(old).hasSize(2);
        Runs.cleanRuns(runs, old);
        assertThat(Runs.lsRuns(query())).hasSize(2);
        assertThat(runs.resolve("archive/2017-12-09T19-56-48Z/tfruns.d")).isDirectory();
        assertThat(Runs.purgeRuns(runs)).isEqualTo(2);
        assertThat(runs.resolve("archive")).doesNotExist();
    }

    @Test
    void copyRunAndCopyRunFiles() throws Exception {
        RunRecord run = Runs.lsRuns(query()).getFirst();
        Files.writeString(run.dir().path().resolve("model.keras"), "weights");
        Path copy = Runs.copyRun(run, work.resolve("best"), "best-run", false);
        assertThat(copy.resolve("tfruns.d/metrics.json")).isRegularFile();
        Path files = Runs.copyRun(run, work.resolve("export"), "model", true);
        assertThat(files.resolve("model.keras")).hasContent("weights");
        assertThat(files.resolve("tfruns.d")).doesNotExist();
        assertThatThrownBy(() -> Runs.copyRun(run, work.resolve("best"), "best-run", false)).hasMessageContaining("exists");
    }
}
