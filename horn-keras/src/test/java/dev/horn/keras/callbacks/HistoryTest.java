package dev.horn.keras.callbacks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryTest {
    /** The ten epochs of the MNIST example in R (seed 002): the values fit's progress bar printed, the last to more digits. */
    static History mnistHistory() {
        double[] loss = {0.2928, 0.1205, 0.0775, 0.0555, 0.0411, 0.0303, 0.0229, 0.0176, 0.0128, 0.010110};
        double[] acc = {0.9142, 0.9648, 0.9772, 0.9838, 0.9878, 0.9910, 0.9933, 0.9952, 0.9967, 0.99720001};
        double[] valLoss = {0.1599, 0.1126, 0.1008, 0.0989, 0.0870, 0.1008, 0.0875, 0.0888, 0.0889, 0.092449};
        double[] valAcc = {0.9533, 0.9659, 0.9710, 0.9717, 0.9747, 0.9727, 0.9768, 0.9761, 0.9783, 0.97649997};
        History h = new History();
        h.setParams(1, 10, 352);
        for (int e = 0; e < 10; e++) {
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", loss[e]);
            logs.put("accuracy", acc[e]);
            logs.put("val_loss", valLoss[e]);
            logs.put("val_accuracy", valAcc[e]);
            h.record(e, logs);
        }
        return h;
    }

    @Test
    void printsTheFinalEpochAsRDoes() {
        assertThat(mnistHistory().toString()).isEqualTo("""
                Final epoch (plot to see history):
                        loss: 0.01011
                    accuracy: 0.9972
                    val_loss: 0.09245
                val_accuracy: 0.9765\s""");
    }

    @Test
    void printWritesRsEmptyLineFirstAndANewlineLast() {
        StringBuilder out = new StringBuilder();
        mnistHistory().print(out);
        assertThat(out.toString()).isEqualTo("\nFinal epoch (plot to see history):\n        loss: 0.01011\n    accuracy: 0.9972\n"
                + "    val_loss: 0.09245\nval_accuracy: 0.9765 \n");
    }

    @Test
    void keepsKerasMetricsEpochsAndParams() {
        History h = mnistHistory();
        assertThat(h.metrics().keySet()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy");
        assertThat(h.metrics().get("loss")).hasSize(10).startsWith(0.2928, 0.1205);
        assertThat(h.epochs()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(h.params()).containsExactly(Map.entry("verbose", 1), Map.entry("epochs", 10), Map.entry("steps", 352));
        assertThatThrownBy(() -> h.metrics().get("loss").add(1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void valuesKeepFourSignificantDigitsAsRsFormat() {
        History h = new History();
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 12345.678);
        logs.put("mae", 0.5);
        logs.put("mse", 1.0);
        logs.put("tiny", 0.000012345);
        logs.put("neg", -0.99996);
        logs.put("nan", Double.NaN);
        h.record(0, logs);
        assertThat(h.toString()).isEqualTo("""
                Final epoch (plot to see history):
                loss: 12,346
                 mae: 0.5
                 mse: 1
                tiny: 0.00001234
                 neg: -1
                 nan: NaN\s""");
    }

    @Test
    void aMetricMissingFromTheLastEpochShowsNa() {
        // as validation_freq = 2 leaves val_* out of some epochs
        History withVal = new History();
        withVal.record(0, new LinkedHashMap<>(Map.of("loss", 0.5)));
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", 0.4);
        logs.put("val_loss", 0.45);
        withVal.record(1, logs);
        withVal.record(2, Map.of("loss", 0.3));
        assertThat(withVal.toString()).isEqualTo("Final epoch (plot to see history):\n    loss: 0.3\nval_loss: NA ");
        assertThat(withVal.metric("val_loss")).containsExactly(0.45);
    }

    // ---- plots --------------------------------------------------------------------------------

    @TempDir
    Path dir;

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen;
    }

    @Test
    void plotsAPngWithBothSeriesColoursAndTheGreyPanels() throws IOException {
        Path png = dir.resolve("history.png");
        mnistHistory().plot(png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(bytes.length).isGreaterThan(10_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(colours(image)).contains(0xEBEBEB, 0xF8766D, 0x00BFC4, 0xFFFFFF).hasSizeGreaterThan(50);
    }

    private static Document svg(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Document doc) {
        var nodes = doc.getElementsByTagName("text");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    @Test
    void plotsAValidSvgWithPanelNamesLegendAndIntegerEpochs() throws Exception {
        Path file = dir.resolve("history.svg");
        mnistHistory().plot(file);
        Document doc = svg(file);
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 800 600");
        assertThat(texts(doc)).contains("loss", "accuracy", "epoch", "data", "training", "validation", "2", "4", "6", "8", "10")
                .doesNotContain("1.5", "3");
        assertThat(Files.size(file)).isGreaterThan(20_000);
    }

    @Test
    void aHistoryWithOnlyTrainingMetricsHasNoLegendAndNoValidationColour() throws Exception {
        History h = new History();
        h.setParams(2, 12, 100);
        for (int e = 0; e < 12; e++) {
            h.record(e, Map.of("loss", 1.0 / (e + 1)));
        }
        Path png = dir.resolve("train.png");
        Path svg = dir.resolve("train.svg");
        h.plot(png);
        h.plot(svg);
        assertThat(colours(ImageIO.read(png.toFile()))).contains(0xEBEBEB, 0x3366FF).doesNotContain(0x00BFC4, 0xF8766D);
        assertThat(texts(svg(svg))).contains("loss", "epoch").doesNotContain("data", "training", "validation");
        assertThat(h.toString()).isEqualTo("Final epoch (plot to see history):\nloss: 0.08333 ");
    }

    @Test
    void plotOptionsChooseMetricsSizeAndSmoothing() throws Exception {
        Path file = dir.resolve("loss.svg");
        mnistHistory().plot(file, HistoryPlot.Options.defaults().withMetrics("accuracy").withSmooth(false).withSize(640, 320));
        Document doc = svg(file);
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 640 320");
        assertThat(texts(doc)).contains("accuracy").doesNotContain("loss");
        assertThat(ImageIO.getImageReadersBySuffix("png").hasNext()).isTrue();
    }

    @Test
    void plotErrorsNameTheProblem() {
        assertThatThrownBy(() -> mnistHistory().plot(dir.resolve("h.jpg")))
                .hasMessageContaining("the name must end in .png or .svg");
        assertThatThrownBy(() -> mnistHistory().plot(dir.resolve("h.png"), HistoryPlot.Options.defaults().withMetrics("auc")))
                .hasMessage("plot: no metric 'auc' in the history; it has [loss, accuracy]");
        assertThatThrownBy(() -> new History().plot(dir.resolve("h.png"))).hasMessageContaining("no metrics to plot");
    }
}
