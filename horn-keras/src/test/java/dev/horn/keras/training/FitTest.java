package dev.horn.keras.training;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.layers.Dense;
import dev.horn.keras.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.TestLosses.MSE;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FitTest {
    @BeforeEach
    void fresh() {
        Keras.clearSession();
        Horn.setSeed(7);
    }

    private static Sequential fixedDense() {
        Dense dense = layerDense(2).inputShape(3);
        var model = sequential(dense);
        dense.setWeights(List.of(Tensor.of(new float[][] {{0.1f, 0.2f}, {0.3f, -0.1f}, {0f, 0.5f}}),
                Tensor.of(new float[] {0.01f, -0.02f})));
        return model;
    }

    static final Tensor X = Tensor.of(new float[][] {{1, 2, 3}, {0.5f, -1, 2}});
    static final Tensor Y = Tensor.of(new float[][] {{1, 0}, {0, 1}});

    @Test
    void oneSgdStepMatchesTheHandComputedStep() {
        var model = fixedDense();
        model.compile(optimizerSgd(0.1), MSE);
        // numpy: loss = mean((x W + b - y)^2); W -= 0.1 x^T (2 (yp - y) / 4); b likewise
        assertThat(model.trainOnBatch(X, Y).get("loss")).isCloseTo(0.591125, within(1e-6));
        Dense dense = (Dense) model.getLayer(0);
        assertThat(dense.kernel().read().toFloatArray()).usingComparatorWithPrecision(1e-6f)
                .containsExactly(0.1205f, 0.1215f, 0.317f, -0.239f, 0.0675f, 0.26f);
        assertThat(dense.bias().read().toFloatArray()).usingComparatorWithPrecision(1e-6f).containsExactly(0.0365f, -0.103f);
        assertThat(model.testOnBatch(X, Y).get("loss")).isCloseTo(0.04756515625, within(1e-6));
    }

    @Test
    void fitLowersTheLossAndRecordsEveryEpoch() {
        Tensor x = tf.randomNormal(256, 4);
        Tensor w = Tensor.of(new float[][] {{1}, {-2}, {0.5f}, {3}});
        Tensor y = tf.matmul(x, w);
        var model = sequential(layerDense(8).activation("tanh").inputShape(4), layerDense(1));
        model.compile("sgd", MSE);
        var history = model.fit(x, y, epochs(20), batchSize(32), verbose(0));
        List<Double> loss = history.metrics().get("loss");
        assertThat(loss).hasSize(20);
        assertThat(loss.getLast()).isLessThan(loss.getFirst() * 0.5);
        assertThat(model.evaluate(x, y, verbose(0)).get("loss")).isLessThan(loss.getFirst());
        assertThat(model.predict(x).shape().dims()).containsExactly(256, 1);
    }

    @Test
    void validationSplitHoldsOutTheLastSamplesUnshuffled() {
        Tensor x = tf.randomNormal(100, 3);
        Tensor y = tf.randomNormal(100, 2);
        var model = fixedDense();
        model.compile(optimizerSgd(0.0), MSE); // no learning: validation loss is the loss of the last 20 rows
        var history = model.fit(x, y, epochs(1), validationSplit(0.2), verbose(0));
        Tensor lastX = tf.slice(x, new int[] {80, 0}, new int[] {20, 3});
        Tensor lastY = tf.slice(y, new int[] {80, 0}, new int[] {20, 2});
        double expected = model.evaluate(lastX, lastY, verbose(0)).get("loss");
        assertThat(history.metrics().get("val_loss").getFirst()).isCloseTo(expected, within(1e-6));
        Tensor firstX = tf.slice(x, new int[] {0, 0}, new int[] {80, 3});
        Tensor firstY = tf.slice(y, new int[] {0, 0}, new int[] {80, 2});
        assertThat(history.metrics().get("loss").getFirst())
                .isCloseTo(model.evaluate(firstX, firstY, verbose(0)).get("loss"), within(1e-6));
    }

    @Test
    void callbacksSeeKerasOrderOfEventsAndCanStopTraining() {
        List<String> events = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override public void onTrainBegin(Map<String, Double> logs) { events.add("train_begin"); }
            @Override public void onEpochBegin(int epoch, Map<String, Double> logs) { events.add("epoch_begin " + epoch); }
            @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) { events.add("batch_end " + batch); }
            @Override public void onEpochEnd(int epoch, Map<String, Double> logs) {
                events.add("epoch_end " + epoch + " " + logs.keySet());
                if (epoch == 1) {
                    model().setStopTraining(true);
                }
            }
            @Override public void onTrainEnd(Map<String, Double> logs) { events.add("train_end"); }
        };
        var model = fixedDense();
        model.compile(optimizerSgd(0.01), MSE);
        model.fit(tf.ones(5, 3), tf.ones(5, 2), epochs(10), batchSize(4), validationData(tf.ones(2, 3), tf.ones(2, 2)),
                callbacks(recorder), verbose(0));
        assertThat(events).containsExactly("train_begin", "epoch_begin 0", "batch_end 0", "batch_end 1",
                "epoch_end 0 [loss, val_loss]", "epoch_begin 1", "batch_end 0", "batch_end 1",
                "epoch_end 1 [loss, val_loss]", "train_end");
    }

    @Test
    void sampleAndClassWeightsScaleEachSamplesLoss() {
        var model = fixedDense();
        model.compile(optimizerSgd(0.0), MSE);
        double unweighted0 = model.evaluate(tf.slice(X, new int[] {0, 0}, new int[] {1, 3}),
                tf.slice(Y, new int[] {0, 0}, new int[] {1, 2}), verbose(0)).get("loss");
        // weight 0 on the second sample: the mean over both samples is half the first one's loss
        var h = model.fit(X, Y, epochs(1), sampleWeight(Tensor.of(new float[] {1, 0})), shuffle(false), verbose(0));
        assertThat(h.metrics().get("loss").getFirst()).isCloseTo(unweighted0 / 2, within(1e-6));
        var hc = model.fit(X, Y, epochs(1), classWeight(Map.of(0, 1.0, 1, 0.0)), shuffle(false), verbose(0));
        assertThat(hc.metrics().get("loss").getFirst()).isCloseTo(unweighted0 / 2, within(1e-6));
    }

    @Test
    void seededTrainingRepeatsExactly() {
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            Keras.clearSession();
            Horn.setSeed(3);
            Tensor x = tf.randomNormal(64, 3);
            Tensor y = tf.randomNormal(64, 2);
            var model = sequential(layerDense(4).activation("relu").inputShape(3), layerDropout(0.5), layerDense(2));
            model.compile("rmsprop", MSE);
            losses[run] = model.fit(x, y, epochs(3), batchSize(16), verbose(0)).metrics().get("loss").getLast();
        }
        assertThat(losses[1]).isEqualTo(losses[0]);
    }

    @Test
    void badInputIsRejectedBeforeAnyUpdate() {
        var model = fixedDense();
        model.compile(optimizerSgd(0.1), MSE);
        List<Tensor> before = model.getWeights();
        assertThatThrownBy(() -> model.fit(tf.ones(4, 3), tf.ones(5, 2)))
                .hasMessageContaining("x and y must have the same number of samples; x has shape [4, 3] (4 samples) "
                        + "and y has shape [5, 2] (5 samples)");
        assertThatThrownBy(() -> model.fit(tf.ones(4, 28), tf.ones(4, 2)))
                .hasMessage("Input 0 of layer \"sequential\" is incompatible with the layer: expected shape=(None, 3), "
                        + "found shape=(None, 28)");
        assertThatThrownBy(() -> model.compile("rmsprp", MSE)).hasMessageContaining("rmsprp");
        assertThat(model.getWeights()).zipSatisfy(before, (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
    }

    @Test
    void nanLossStopsWithAClearError() {
        var model = fixedDense();
        model.compile(optimizerSgd(0.1), MSE);
        Tensor x = Tensor.of(new float[][] {{Float.NaN, 0, 0}});
        assertThatThrownBy(() -> model.fit(x, tf.ones(1, 2), verbose(0)))
                .hasMessageContaining("the loss became NaN at epoch 1, batch 1");
    }

    @Test
    void predictClassesTakesTheArgmax() {
        var model = sequential(layerDense(3).activation("softmax").inputShape(2));
        model.getLayer(0).setWeights(List.of(Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 5}}), tf.zeros(3)));
        Tensor classes = model.predictClasses(Tensor.of(new float[][] {{3, 0}, {0, 1}}));
        assertThat(classes.dtype()).isEqualTo(DType.INT32);
        assertThat(classes.toIntArray()).containsExactly(0, 2);
    }

    @Test
    void rankOneTargetsBecomeColumnsAsInKeras() {
        var model = sequential(layerDense(1).activation("sigmoid").inputShape(2));
        model.compile("sgd", "binary_crossentropy", "accuracy");
        Tensor x = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});
        Tensor labels = Tensor.of(new float[] {1, 0, 1, 0}, 4);
        var logs = model.evaluate(x, labels, verbose(0));
        // one loss per sample, not a (4, 4) broadcast of labels against predictions
        Tensor p = model.predict(x);
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double pi = Math.min(Math.max(p.getDouble(i), 1e-7), 1 - 1e-7);
            double yi = labels.getDouble(i);
            expected -= (yi * Math.log(pi + 1e-7) + (1 - yi) * Math.log(1 - pi + 1e-7)) / 4;
        }
        assertThat(logs.get("loss")).isCloseTo(expected, within(1e-5));
        assertThat(model.fit(x, labels, epochs(2), verbose(0)).metrics().get("accuracy")).hasSize(2);
    }

    @Test
    void fitNeedsCompile() {
        var model = fixedDense();
        assertThatThrownBy(() -> model.fit(X, Y)).hasMessageContaining("You must compile your model before training/testing");
    }
}
