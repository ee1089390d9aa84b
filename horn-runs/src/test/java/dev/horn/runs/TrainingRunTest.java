package dev.horn.runs;

import dev.horn.runs.internal.SourceArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tracked runs of a real script in a child JVM: what tfruns records, written by Keras' fit and evaluate. Each run starts a JVM. */
@Tag("slow")
class TrainingRunTest {
    @TempDir
    Path work;

    private TrainingRun tiny(Path script) {
        return TrainingRun.of(script).workDir(work).echo(false);
    }

    @Test
    void aRunRecordsFlagsMetricsEvaluationModelOutputSourcesAndFiles() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        RunRecord run = Runs.trainingRun(tiny(script).flag("epochs", 3).flag("units", "6"), System.out);
        RunDir dir = run.dir();
        assertThat(dir.path().getParent()).isEqualTo(work.resolve("runs"));
        assertThat(dir.path().getFileName().toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ");
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(dir.flags()).containsEntry("epochs", 3).containsEntry("units", 6).containsEntry("learning_rate", 0.05);
        Map<String, Object> metrics = dir.metrics();
        assertThat(metrics).containsOnlyKeys("loss", "accuracy", "val_loss", "val_accuracy");
        for (Object history : metrics.values()) {
            assertThat((List<?>) history).hasSize(3).doesNotContainNull();
        }
        assertThat(List.copyOf(dir.evaluation().keySet())).containsExactly("loss", "accuracy");
        assertThat(run.number("eval_accuracy")).isGreaterThan(0.9);
        assertThat(run.get("samples")).isEqualTo(300);
        assertThat(run.get("validation_samples")).isEqualTo(100);
        assertThat(run.get("batch_size")).isEqualTo(32);
        assertThat(run.get("epochs")).isEqualTo(3);
        assertThat(run.get("epochs_completed")).isEqualTo(3);
        assertThat(run.get("loss_function")).isEqualTo("binary_crossentropy");
        assertThat(run.get("optimizer")).isEqualTo("Adam");
        assertThat(run.get("learning_rate")).isEqualTo(0.05);
        assertThat((String) run.get("model")).contains("dense (Dense)", "Total params: 25");
        assertThat((String) run.get("output")).contains("Epoch 3/3", "test accuracy: ");
        assertThat(run.get("completed")).isEqualTo(true);
        assertThat(SourceArchive.read(dir.sourceArchive())).containsKey("TinyClassifier.java");
        assertThat(dir.plotsDir().resolve("tiny-history.png")).isNotEmptyFile();
        assertThat(work.resolve("runs").resolve(dir.path().getFileName()).resolve("tfruns.d/properties/end")).isRegularFile();
    }

    @Test
    void aFailedScriptLeavesItsErrorAndOutput() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        assertThatThrownBy(() -> Runs.trainingRun(tiny(script).flag("epochs", 1).flag("fail", true), System.out))
                .isInstanceOf(RunFailedException.class).hasMessageContaining("asked to fail after training")
                .satisfies(e -> {
                    RunRecord run = ((RunFailedException) e).run();
                    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                    assertThat(run.get("completed")).isEqualTo(false);
                    assertThat(run.dir().error()).containsEntry("message", "asked to fail after training")
                            .containsEntry("type", "java.lang.IllegalStateException");
                    assertThat((String) run.dir().error().get("traceback")).contains("\tat ");
                    assertThat(run.dir().metrics().get("loss")).asList().hasSize(1).doesNotContainNull();
                });
    }

    @Test
    void anUndeclaredFlagFailsTheRunNamingTheFlag() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        assertThatThrownBy(() -> Runs.trainingRun(tiny(script).flag("dropout", 0.5), System.out))
                .hasMessageContaining("Unknown flag 'dropout'");
    }

    @Test
    void twoRunsStartedAtOnceBothCompleteWithAllTheirMetrics() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        var a = CompletableFuture.supplyAsync(() -> Runs.trainingRun(tiny(script).flag("epochs", 3), System.out));
        var b = CompletableFuture.supplyAsync(() -> Runs.trainingRun(tiny(script).flag("epochs", 4), System.out));
        RunRecord ra = a.get();
        RunRecord rb = b.get();
        assertThat(ra.dir()).isNotEqualTo(rb.dir());
        assertThat(((List<?>) ra.dir().metrics().get("val_accuracy"))).hasSize(3).doesNotContainNull();
        assertThat(((List<?>) rb.dir().metrics().get("val_accuracy"))).hasSize(4).doesNotContainNull();
        assertThat(ra.get("flag_epochs")).isEqualTo(3);
        assertThat(rb.get("flag_epochs")).isEqualTo(4);
        assertThat(Runs.lsRuns(RunQuery.in(Path.of("runs")).workDir(work))).hasSize(2)
                .allMatch(r -> r.status() == RunStatus.COMPLETED);
    }

    @Test
    void aTuningRunTriesEveryCombination() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        TuningRun tuning = TuningRun.of(script).flag("units", List.of(4, 8)).flag("learning_rate", List.of(0.01, 0.1))
                .each(flags -> tiny(script).flags(flags).flag("epochs", 1));
        assertThat(tuning.combinations()).hasSize(4);
        assertThat(tuning.sample(0.5).seed(1).combinations()).hasSize(2);
        List<RunRecord> runs = tuning.run(TestScripts.Console.capture().out());
        assertThat(runs).hasSize(2).allMatch(r -> r.status() == RunStatus.COMPLETED);
        assertThat(runs.stream().map(r -> r.get("flag_units") + "/" + r.get("flag_learning_rate")).distinct()).hasSize(2);
    }
}
