package dev.horn.keras.callbacks;

import dev.horn.keras.callbacks.ProgbarTest.FakeClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.callbacks.ProgbarTest.values;
import static org.assertj.core.api.Assertions.assertThat;

/** What fit prints through ProgbarLogger, against Keras 2's ProgbarLogger + Progbar for the same hook calls. */
class ProgbarLoggerTest {
    private final FakeClock clock = new FakeClock();
    private final StringBuilder out = new StringBuilder();

    private ProgbarLogger logger(boolean dynamic) {
        return ProgbarLogger.builder().output(out).clock(clock).dynamicDisplay(dynamic)
                .statefulMetrics(List.of("loss", "accuracy")).build();
    }

    private void epoch(ProgbarLogger logger, int epoch, double[][] batches, Map<String, Double> end) {
        logger.onEpochBegin(epoch);
        if (logger.wantsBatchHooks()) {
            double[] sleeps = {0.5, 0.25, 0.25};
            for (int b = 0; b < 3; b++) {
                clock.sleep(sleeps[b]);
                logger.onTrainBatchEnd(b, values("loss", batches[b][0], "accuracy", batches[b][1]));
            }
            clock.sleep(0.25);
        } else {
            clock.sleep(2.0);
        }
        logger.onEpochEnd(epoch, end);
    }

    private void fitTwoEpochs(ProgbarLogger logger, int verbose) {
        logger.setParams(verbose, 2, 3);
        logger.onTrainBegin();
        epoch(logger, 0, new double[][] {{1.0, 0.5}, {0.75, 0.625}, {0.5, 0.75}},
                values("loss", 0.5, "accuracy", 0.75, "val_loss", 0.4, "val_accuracy", 0.8));
        // validation inside fit is silent
        logger.onTestBegin();
        logger.onTestBatchEnd(0, values("loss", 9.0));
        logger.onTestEnd(values("loss", 9.0));
        epoch(logger, 1, new double[][] {{0.25, 0.875}, {0.25, 0.875}, {0.25, 0.875}},
                values("loss", 0.25, "accuracy", 0.875, "val_loss", 0.375, "val_accuracy", 0.8125));
    }

    @Test
    void fitVerboseOneInALogPrintsHeadersAndALinePerRedraw() {
        fitTwoEpochs(logger(false), 1);
        assertThat(out.toString()).isEqualTo(
                "Epoch 1/2\n"
                + "\n"
                + "1/3 [=========>....................] - ETA: 1s - loss: 1.0000 - accuracy: 0.5000\n"
                + "2/3 [===================>..........] - ETA: 0s - loss: 0.7500 - accuracy: 0.6250\n"
                + "3/3 [==============================] - ETA: 0s - loss: 0.5000 - accuracy: 0.7500\n"
                + "3/3 [==============================] - 1s 375ms/step - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.4000 - val_accuracy: 0.8000\n"
                + "Epoch 2/2\n"
                + "\n"
                + "1/3 [=========>....................] - ETA: 1s - loss: 0.2500 - accuracy: 0.8750\n"
                + "2/3 [===================>..........] - ETA: 0s - loss: 0.2500 - accuracy: 0.8750\n"
                + "3/3 [==============================] - ETA: 0s - loss: 0.2500 - accuracy: 0.8750\n"
                + "3/3 [==============================] - 1s 375ms/step - loss: 0.2500 - accuracy: 0.8750 - val_loss: 0.3750 - val_accuracy: 0.8125\n");
    }

    @Test
    void fitVerboseTwoPrintsOneLinePerEpoch() {
        ProgbarLogger logger = logger(false);
        fitTwoEpochs(logger, 2);
        assertThat(logger.wantsBatchHooks()).isFalse();
        assertThat(out.toString()).isEqualTo(
                "Epoch 1/2\n"
                + "3/3 - 2s - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.4000 - val_accuracy: 0.8000 - 2s/epoch - 667ms/step\n"
                + "Epoch 2/2\n"
                + "3/3 - 2s - loss: 0.2500 - accuracy: 0.8750 - val_loss: 0.3750 - val_accuracy: 0.8125 - 2s/epoch - 667ms/step\n");
    }

    @Test
    void oneEpochOnATerminalHasNoHeaderAndRedrawsInPlace() {
        ProgbarLogger logger = logger(true);
        logger.setParams(1, 1, 3);
        logger.onTrainBegin();
        epoch(logger, 0, new double[][] {{1.0, 0.5}, {0.75, 0.625}, {0.5, 0.75}},
                values("loss", 0.5, "accuracy", 0.75, "val_loss", 0.4, "val_accuracy", 0.8));
        String back = "\b".repeat(80);
        assertThat(out.toString()).isEqualTo(
                "\r1/3 [=========>....................] - ETA: 1s - loss: 1.0000 - accuracy: 0.5000"
                + back + "\r2/3 [===================>..........] - ETA: 0s - loss: 0.7500 - accuracy: 0.6250"
                + back + "\r3/3 [==============================] - ETA: 0s - loss: 0.5000 - accuracy: 0.7500"
                + back + "\r3/3 [==============================] - 1s 375ms/step - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.4000 - val_accuracy: 0.8000\n");
    }

    @Test
    void evaluateOutsideFitShowsItsOwnBar() {
        ProgbarLogger logger = logger(false);
        logger.setParams(1, 1, 2);
        logger.onTestBegin();
        clock.sleep(0.5);
        logger.onTestBatchEnd(0, values("loss", 0.0036, "accuracy", 1.0));
        clock.sleep(0.5);
        logger.onTestBatchEnd(1, values("loss", 0.0692, "accuracy", 0.9821));
        logger.onTestEnd(values("loss", 0.0692, "accuracy", 0.9821));
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "1/2 [==============>...............] - ETA: 0s - loss: 0.0036 - accuracy: 1.0000\n"
                + "2/2 [==============================] - ETA: 0s - loss: 0.0692 - accuracy: 0.9821\n"
                + "2/2 [==============================] - 1s 500ms/step - loss: 0.0692 - accuracy: 0.9821\n");
    }

    @Test
    void unknownStepsAreLearntInTheFirstEpoch() {
        ProgbarLogger logger = logger(false);
        logger.setParams(1, 1, null);
        logger.onTrainBegin();
        logger.onEpochBegin(0);
        clock.sleep(0.5);
        logger.onTrainBatchEnd(0, values("loss", 1.0));
        clock.sleep(0.5);
        logger.onTrainBatchEnd(1, values("loss", 0.5));
        logger.onEpochEnd(0, values("loss", 0.5));
        assertThat(out.toString()).isEqualTo(
                "\n"
                + "      1/Unknown - 0s 500ms/step - loss: 1.0000\n"
                + "      2/Unknown - 1s 500ms/step - loss: 0.5000\n"
                + "2/2 [==============================] - 1s 500ms/step - loss: 0.5000\n");
    }

    @Test
    void epochHeaderIsOneBased() {
        assertThat(ProgbarLogger.epochHeader(0, 5)).isEqualTo("Epoch 1/5");
        assertThat(ProgbarLogger.epochHeader(9, 10)).isEqualTo("Epoch 10/10");
    }
}
