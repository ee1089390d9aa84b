package dev.horn.keras.callbacks;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.Tf.tf;
import static dev.horn.keras.TestLosses.MSE;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbacksTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        Keras.clearSession();
        Horn.setSeed(11);
    }

    private static Sequential model() {
        var m = sequential(layerDense(4).activation("relu").inputShape(3), layerDense(2));
        m.compile(optimizerSgd(0.05), MSE);
        return m;
    }

    /** Feeds a callback a sequence of monitored values as if they were epochs. */
    private static int drive(Callback c, Sequential m, String key, double... values) {
        c.setModel(m);
        m.setStopTraining(false);
        c.onTrainBegin(Map.of());
        for (int e = 0; e < values.length; e++) {
            c.onEpochEnd(e, new java.util.HashMap<>(Map.of(key, values[e])));
            if (m.stopTraining()) {
                return e;
            }
        }
        return -1;
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsWithoutImprovement() {
        var m = model();
        // improves at epochs 0,1; then no improvement for 2 epochs: stops at epoch 3
        assertThat(drive(new EarlyStopping().patience(2), m, "val_loss", 1.0, 0.9, 0.95, 0.91, 0.5)).isEqualTo(3);
        // min_delta: 0.9 -> 0.89 is not an improvement of more than 0.05
        assertThat(drive(new EarlyStopping().minDelta(0.05), m, "val_loss", 1.0, 0.99, 0.5)).isEqualTo(1);
        // accuracy is maximised in auto mode
        assertThat(drive(new EarlyStopping().monitor("val_accuracy").patience(1), m, "val_accuracy", 0.5, 0.6, 0.7, 0.6))
                .isEqualTo(3);
        // a baseline not reached counts as no improvement
        assertThat(drive(new EarlyStopping().baseline(0.1).patience(1), m, "val_loss", 1.0, 0.9, 0.8)).isEqualTo(1);
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        var m = model();
        Tensor x = tf.randomNormal(64, 3);
        Tensor y = tf.randomNormal(64, 2);
        List<List<Tensor>> weightsPerEpoch = new ArrayList<>();
        var record = new LambdaCallback().onEpochEnd((e, logs) -> weightsPerEpoch.add(m.getWeights()));
        // a validation loss that only gets worse after the first epoch: the model ends with epoch 0's weights
        var stop = new EarlyStopping().monitor("loss").mode("max").patience(1).restoreBestWeights(true);
        m.fit(x, y, epochs(10), callbacks(record, stop), verbose(0));
        assertThat(stop.stoppedEpoch()).isEqualTo(1);
        assertThat(m.getWeights()).zipSatisfy(weightsPerEpoch.get(stop.bestEpoch()),
                (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
    }

    @Test
    void reduceLrOnPlateauMultipliesTheRateAndCoolsDown() {
        var m = model();
        var reduce = new ReduceLROnPlateau().factor(0.5).patience(1).cooldown(1).minLr(0.01);
        drive(reduce, m, "val_loss", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        // epoch1: wait 1 -> 0.025, cooldown 1; epoch2: cooldown; epoch3: -> 0.0125; epoch4: cooldown; epoch5: -> 0.01 (min)
        assertThat(m.optimizer().learningRate()).isEqualTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void reduceLrAffectsTheCompiledTrainStep() {
        var m = model();
        Tensor x = tf.randomNormal(8, 3);
        Tensor y = tf.randomNormal(8, 2);
        m.trainOnBatch(x, y);
        List<Tensor> before = m.getWeights();
        m.optimizer().learningRate(0.0);
        m.trainOnBatch(x, y);
        assertThat(m.getWeights()).zipSatisfy(before, (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
    }

    @Test
    void csvLoggerWritesSortedColumnsPerEpoch() throws Exception {
        var m = model();
        Path csv = dir.resolve("log.csv");
        m.fit(tf.randomNormal(32, 3), tf.randomNormal(32, 2), epochs(3), validationSplit(0.25),
                callbacks(new CSVLogger(csv)), verbose(0));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("epoch,loss,val_loss");
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(lines.get(3)).startsWith("2,");
        m.fit(tf.randomNormal(32, 3), tf.randomNormal(32, 2), epochs(1), validationSplit(0.25),
                callbacks(new CSVLogger(csv, ",", true)), verbose(0));
        assertThat(Files.readAllLines(csv)).hasSize(5);
    }

    @Test
    void pythonFloatsAsKerasWritesThem() {
        assertThat(PythonFloat.repr(0.25)).isEqualTo("0.25");
        assertThat(PythonFloat.repr(1234.0)).isEqualTo("1234.0");
        assertThat(PythonFloat.repr(1e-4)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonFloat.repr(0.2551000118255615)).isEqualTo("0.2551000118255615");
        assertThat(PythonFloat.repr((double) 0.1f)).isEqualTo("0.10000000149011612");
        assertThat(PythonFloat.repr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void modelCheckpointSavesFormattedFilesThatLoadBack() throws Exception {
        var m = model();
        String template = dir.resolve("ckpt/w.{epoch:02d}-{val_loss:.2f}.weights.h5").toString();
        var ckpt = new ModelCheckpoint(template).saveBestOnly(true);
        Tensor x = tf.randomNormal(40, 3);
        Tensor y = tf.randomNormal(40, 2);
        m.fit(x, y, epochs(3), validationSplit(0.25), callbacks(ckpt), verbose(0));
        List<Path> files;
        try (var s = Files.list(dir.resolve("ckpt"))) {
            files = s.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(files.getFirst().getFileName().toString()).matches("w\\.01-\\d+\\.\\d\\d\\.weights\\.h5");
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotContain(".tmp"));

        List<Tensor> trained = m.getWeights();
        Path last = files.getLast();
        m.saveWeights(dir.resolve("final.weights.h5"));
        var other = model();
        other.loadWeights(dir.resolve("final.weights.h5"));
        assertThat(other.getWeights()).zipSatisfy(trained, (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
        other.loadWeights(last); // an earlier checkpoint loads too
    }

    @Test
    void loadWeightsRejectsFilesThatDoNotFitAndChangesNothing() throws Exception {
        var m = model();
        m.saveWeights(dir.resolve("a.weights.h5"));
        var wider = sequential(layerDense(5).inputShape(3), layerDense(2));
        List<Tensor> before = wider.getWeights();
        assertThatThrownBy(() -> wider.loadWeights(dir.resolve("a.weights.h5")))
                .hasMessageContaining("has shape (3, 5) in the model but (3, 4) in the file");
        assertThat(wider.getWeights()).zipSatisfy(before, (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
        Files.writeString(dir.resolve("junk.weights.h5"), "not hdf5");
        assertThatThrownBy(() -> m.loadWeights(dir.resolve("junk.weights.h5")))
                .hasMessageContaining("junk.weights.h5");
        assertThatThrownBy(() -> m.loadWeights(dir.resolve("missing.weights.h5"))).hasMessageContaining("no such file");
    }

    @Test
    void terminateOnNaNStopsQuietly() {
        var m = model();
        Tensor x = Tensor.of(new float[][] {{Float.NaN, 0, 0}, {1, 1, 1}});
        var h = m.fit(x, tf.ones(2, 2), epochs(3), batchSize(1), callbacks(new TerminateOnNaN()), verbose(0));
        assertThat(h.epochs()).hasSize(1);
    }

    @Test
    void checkpointWritesWholeModelsByFileNameAndChecksTheName() {
        var m = model();
        m.fit(tf.ones(4, 3), tf.ones(4, 2), epochs(2), verbose(0),
                callbacks(new ModelCheckpoint(dir.resolve("m.{epoch:02d}.keras").toString())));
        var loaded = dev.horn.keras.Keras.loadModel(dir.resolve("m.02.keras"));
        assertThat(loaded.getWeights()).zipSatisfy(m.getWeights(), (a, b) -> assertThat(a.valuesEqual(b)).isTrue());
        assertThat(loaded.optimizer().iterations().storedValue().toLongArray()).containsExactly(2L);
        assertThatThrownBy(() -> m.fit(tf.ones(4, 3), tf.ones(4, 2), verbose(0),
                callbacks(new ModelCheckpoint(dir.resolve("m.keras").toString()).saveWeightsOnly(true))))
                .hasMessageContaining("must end in `.weights.h5`");
        assertThatThrownBy(() -> m.fit(tf.ones(4, 3), tf.ones(4, 2), verbose(0),
                callbacks(new ModelCheckpoint(dir.resolve("m.ckpt").toString()))))
                .hasMessageContaining("must end in `.keras`");
    }
}
