package dev.horn.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horn.runs.internal.RunFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report, the comparison and the live dashboard as a person sees them: loaded in headless
 * Chromium (driven by playwright-core through src/test/browser/inspect-page.mjs), with what the
 * page shows checked and a screenshot kept in target/browser-screenshots/. Skipped, saying so,
 * where Chromium or playwright-core is not installed (src/test/browser/setup.sh installs both).
 */
@Tag("slow")
class BrowserPagesTest {
    private static final Path BROWSER = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path work;

    @BeforeAll
    static void browserInstalled() throws Exception {
        boolean chromium = Files.isExecutable(CHROMIUM);
        boolean playwright = Files.isDirectory(BROWSER.resolve("node_modules/playwright-core"));
        boolean node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        assumeTrue(chromium && playwright && node, "browser tests skipped: " + (chromium ? "" : CHROMIUM + " is missing; ")
                + (playwright ? "" : "playwright-core is not installed; ") + (node ? "" : "node is missing; ")
                + "run horn-runs/src/test/browser/setup.sh to install them");
        Files.createDirectories(SCREENSHOTS);
    }

    /** What the page at {@code url} shows, after {@code waitForPoints} training points when given. */
    private static JsonNode inspect(String url, String screenshot, Integer waitForPoints) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", BROWSER.resolve("inspect-page.mjs").toString(), url,
                SCREENSHOTS.resolve(screenshot).toString()));
        if (waitForPoints != null) {
            cmd.add(waitForPoints.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode facts = RunFiles.JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(facts.get("errors")).as("script errors on the page").isEmpty();
        assertThat(SCREENSHOTS.resolve(screenshot)).isNotEmptyFile();
        return facts;
    }

    private static JsonNode chart(JsonNode facts, String metric) {
        for (JsonNode c : facts.get("charts")) {
            if (c.get("metric").asText().equals(metric)) {
                return c;
            }
        }
        throw new AssertionError("no chart of " + metric + " in " + facts.get("charts"));
    }

    private TrainingRun tiny(Path script) {
        return TrainingRun.of(script).workDir(work).echo(false);
    }

    @Test
    void reportShowsSummaryFlagsChartsEvaluationModelOutputAndSource() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        RunRecord run = Runs.trainingRun(tiny(script).flag("epochs", 3), System.out);
        Path html = Runs.viewRun(run, work.resolve("report.html"));
        String page = Files.readString(html);
        // self-contained: nothing fetched from anywhere (the SVG namespace URI is a name, not a fetch)
        assertThat(page).doesNotContain("src=\"http", "href=\"http", "url(http", "<script src", "rel=\"stylesheet\"");
        JsonNode facts = inspect(html.toUri().toString(), "report.png", null);
        assertThat(facts.get("title").asText()).isEqualTo(run.runDir());
        assertThat(facts.get("status").asText()).isEqualTo("completed");
        for (String metric : List.of("loss", "accuracy")) {
            assertThat(chart(facts, metric).get("training").asInt()).isEqualTo(3);
            assertThat(chart(facts, metric).get("validation").asInt()).isEqualTo(3);
        }
        JsonNode s = facts.get("sections");
        assertThat(s.get("flags").asText()).contains("epochs\t3", "units\t8", "activation\trelu");
        assertThat(s.get("evaluation").asText()).contains("accuracy\t" + String.format("%.4f", run.number("eval_accuracy")));
        assertThat(s.get("training").asText()).contains("samples\t300", "optimizer\tAdam", "loss\tbinary_crossentropy");
        assertThat(s.get("model").asText()).contains("Total params: 33");
        assertThat(s.get("output").asText()).contains("Epoch 3/3");
        assertThat(s.get("source code").asText()).contains("TinyClassifier.java", "flagInteger(\"epochs\", 4)");
        assertThat(s.get("plots").asText()).contains("tiny-history.png");
    }

    @Test
    void comparisonShowsBothRunsFlagsAndTheSourceDiff() throws Exception {
        Path a = TestScripts.tinyIn(work.resolve("a"), null, null);
        Path b = TestScripts.tinyIn(work.resolve("b"), "flagInteger(\"units\", 8)", "flagInteger(\"units\", 12)");
        RunRecord ra = Runs.trainingRun(tiny(a).flag("epochs", 2), System.out);
        RunRecord rb = Runs.trainingRun(tiny(b).flag("epochs", 3), System.out);
        Path html = Runs.compareRuns(ra, rb, work.resolve("compare.html"));
        JsonNode facts = inspect(html.toUri().toString(), "compare.png", null);
        JsonNode s = facts.get("sections");
        assertThat(s.get("flags").asText()).contains(ra.runDir(), rb.runDir(), "units\t8\t12", "epochs\t2\t3");
        assertThat(s.get("source diff").asText()).contains("-            flagInteger(\"units\", 8),",
                "+            flagInteger(\"units\", 12),");
        assertThat(chart(facts, "loss").get("training").asInt()).isEqualTo(2 + 3);
    }

    @Test
    void liveDashboardChartsGrowWhileTheRunGoes() throws Exception {
        Path script = TestScripts.tinyIn(work.resolve("src"), null, null);
        TestScripts.Console console = TestScripts.Console.capture();
        var run = CompletableFuture.supplyAsync(() -> Runs.trainingRun(
                tiny(script).flag("epochs", 5).flag("epoch_pause_ms", 2500).dashboard(true, false), console.out()));
        String url = null;
        for (int i = 0; i < 600 && url == null; i++) {
            Matcher m = Pattern.compile("Live metrics: (http://127\\.0\\.0\\.1:\\d+/)").matcher(console.text());
            url = m.find() ? m.group(1) : null;
            Thread.sleep(100);
        }
        assertThat(url).as(console.text()).isNotNull();
        JsonNode facts = inspect(url, "dashboard.png", 2);
        assertThat(facts.get("status").asText()).isEqualTo("running");
        int shown = chart(facts, "loss").get("training").asInt();
        assertThat(shown).isBetween(2, 4);
        assertThat(facts.get("sections").get("training").asText()).contains("epochs\t5");
        RunRecord done = run.get(3, TimeUnit.MINUTES);
        assertThat(((List<?>) done.dir().metrics().get("loss"))).hasSize(5).doesNotContainNull();
    }
}
