package dev.horn.keras.functional;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.models.Functional;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The guide's headline model: a headline (100 word ids) through embedding and LSTM, an
 * auxiliary input of 5 numbers, two sigmoid outputs, losses weighted 1.0 and 0.2.
 */
public class HeadlineModelTest {
    private static final int SAMPLES = 32;

    @BeforeEach
    void fresh() {
        Keras.clearSession();
        setRandomSeed(7);
    }

    public static Functional headlineModel() {
        var mainInput = layerInput(100).dtype(DType.INT32).name("main_input");
        var lstmOut = mainInput.then(layerEmbedding(10000, 512).inputLength(100)).then(layerLstm(32));
        var auxiliaryOutput = lstmOut.then(layerDense(1).activation("sigmoid").name("aux_output"));
        var auxiliaryInput = layerInput(5).name("aux_input");
        var mainOutput = layerConcatenate(lstmOut, auxiliaryInput)
                .then(layerDense(64).activation("relu"))
                .then(layerDense(64).activation("relu"))
                .then(layerDense(64).activation("relu"))
                .then(layerDense(1).activation("sigmoid").name("main_output"));
        return kerasModel(List.of(mainInput, auxiliaryInput), List.of(mainOutput, auxiliaryOutput));
    }

    @Test
    void summaryHasTheSeedsLayersParametersAndConnections() {
        var model = headlineModel();
        assertThat(model.summaryString(98)).isEqualTo(SummaryText.expected("headline-summary.txt"));
        // summary() picks the graph layout's width, 98, by itself
        var out = new ByteArrayOutputStream();
        model.summary(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(SummaryText.expected("headline-summary.txt"));
        assertThat(model.inputNames()).containsExactly("main_input", "aux_input");
        assertThat(model.outputNames()).containsExactly("main_output", "aux_output");
    }

    @Test
    void trainsFromListsWithWeightedLossesAndLogsEachOutput() {
        var model = headlineModel();
        model.compile(optimizerRmsprop(), "binary_crossentropy", lossWeights(1.0, 0.2));
        var data = Data.make();
        History history = model.fit(List.of(data.headlines, data.additional), List.of(data.labels, data.labels),
                epochs(1), batchSize(16), verbose(0));
        assertThat(history.metrics().keySet()).containsExactly("loss", "main_output_loss", "aux_output_loss");
        for (int e = 0; e < 1; e++) {
            double main = history.metrics().get("main_output_loss").get(e);
            double aux = history.metrics().get("aux_output_loss").get(e);
            assertThat(history.metrics().get("loss").get(e)).isCloseTo(main + 0.2 * aux, within(1e-5));
        }
        // evaluate's per-output losses are binary crossentropy of predictOutputs' values
        Map<String, Double> scores = model.evaluate(List.of(data.headlines, data.additional),
                List.of(data.labels, data.labels), verbose(0));
        List<Tensor> predictions = model.predictOutputs(List.of(data.headlines, data.additional));
        assertThat(predictions).hasSize(2);
        assertThat(scores.get("main_output_loss")).isCloseTo(bce(data.labels, predictions.get(0)), within(1e-5));
        assertThat(scores.get("aux_output_loss")).isCloseTo(bce(data.labels, predictions.get(1)), within(1e-5));
        assertThat(scores.get("loss")).isCloseTo(scores.get("main_output_loss") + 0.2 * scores.get("aux_output_loss"),
                within(1e-5));
    }

    @Test
    void namedMapsTrainExactlyLikeLists() {
        var data = Data.make();
        var listModel = headlineModel();
        listModel.compile(optimizerRmsprop(), "binary_crossentropy", lossWeights(1.0, 0.2));
        var fromLists = listModel.fit(List.of(data.headlines, data.additional), List.of(data.labels, data.labels),
                epochs(2), batchSize(16), verbose(0), shuffle(false));

        Keras.clearSession();
        setRandomSeed(7);
        var mapModel = headlineModel();
        mapModel.compile(optimizerRmsprop(),
                Map.of("main_output", "binary_crossentropy", "aux_output", "binary_crossentropy"),
                lossWeights(Map.of("main_output", 1.0, "aux_output", 0.2)));
        var fromMaps = mapModel.fit(Map.of("main_input", data.headlines, "aux_input", data.additional),
                Map.of("main_output", data.labels, "aux_output", data.labels),
                epochs(2), batchSize(16), verbose(0), shuffle(false));
        assertThat(fromMaps.metrics()).isEqualTo(fromLists.metrics());
    }

    @Test
    void metricsPerOutputAndValidationAreLoggedWithKerasNames() {
        var model = headlineModel();
        model.compile("rmsprop", List.of("binary_crossentropy", "binary_crossentropy"), "accuracy");
        var data = Data.make();
        var printed = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        History history;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            history = model.fit(List.of(data.headlines, data.additional), List.of(data.labels, data.labels),
                    epochs(1), batchSize(16), verbose(2), validationSplit(0.25));
        } finally {
            System.setOut(saved);
        }
        assertThat(history.metrics().keySet()).containsExactly("loss", "main_output_loss", "aux_output_loss",
                "main_output_accuracy", "aux_output_accuracy", "val_loss", "val_main_output_loss",
                "val_aux_output_loss", "val_main_output_accuracy", "val_aux_output_accuracy");
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern(
                "loss: \\d\\.\\d{4} - main_output_loss: \\d\\.\\d{4} - aux_output_loss: \\d\\.\\d{4} - "
                        + "main_output_accuracy: \\d\\.\\d{4} - aux_output_accuracy: \\d\\.\\d{4} - val_loss: ");
    }

    /** Mean binary crossentropy with Keras' clipping of probabilities to [1e-7, 1 - 1e-7]. */
    static double bce(Tensor labels, Tensor p) {
        double[] y = labels.toDoubleArray();
        double[] q = p.toDoubleArray();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double c = Math.min(Math.max(q[i], 1e-7), 1 - 1e-7);
            sum += -(y[i] * Math.log(c) + (1 - y[i]) * Math.log(1 - c));
        }
        return sum / y.length;
    }

    /** Synthetic headlines (word ids 1..9999), auxiliary numbers and 0/1 labels. */
    record Data(Tensor headlines, Tensor additional, Tensor labels) {
        static Data make() {
            var r = new SplittableRandom(3);
            int[] words = new int[SAMPLES * 100];
            for (int i = 0; i < words.length; i++) {
                words[i] = 1 + r.nextInt(9999);
            }
            float[] extra = new float[SAMPLES * 5];
            for (int i = 0; i < extra.length; i++) {
                extra[i] = (float) r.nextDouble();
            }
            float[] y = new float[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                y[i] = extra[i * 5] > 0.5f ? 1f : 0f;
            }
            return new Data(Tensor.of(words, SAMPLES, 100), Tensor.of(extra, SAMPLES, 5), Tensor.of(y, SAMPLES, 1));
        }
    }
}
