package dev.horn.keras.saving;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Model;
import dev.horn.keras.models.Sequential;
import dev.horn.keras.optimizers.schedules.ExponentialDecay;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Training resumes from a saved file exactly; Keras 2's HDF5 and JSON formats round-trip. */
class ResumeAndLegacyTest {
    @TempDir
    Path dir;

    private Tensor x;
    private Tensor y;

    @BeforeEach
    void data() {
        Keras.clearSession();
        Horn.setSeed(11);
        x = tf.randomNormal(new int[] {50, 4});
        y = tf.randomNormal(new int[] {50, 2});
    }

    private Sequential fresh() {
        Horn.setSeed(5);
        Sequential m = sequential(layerDense(8).activation("relu").inputShape(4), layerDropout(0.3), layerDense(2));
        m.compile(optimizerAdam().learningRate(new ExponentialDecay(0.01, 5, 0.9)), "mse");
        return m;
    }

    /** A fresh model trained for this many epochs, batches of 8. */
    private Sequential trained(int epochs) {
        Sequential m = fresh();
        m.fit(x, y, epochs(epochs), batchSize(8), verbose(0));
        return m;
    }

    @Test
    void twoEpochsSavedLoadedAndOneMoreEqualThreeStraightBitForBit() {
        Sequential straight = trained(3);
        Sequential first = trained(2);
        Path file = dir.resolve("two.keras");
        saveModel(first, file);
        // a new process: the same seed set again, other random draws before fit; only the saved state matters
        Horn.setSeed(5);
        tf.randomNormal(new int[] {7});
        sequential(layerDense(3).inputShape(2));
        Model resumed = loadModel(file);
        resumed.fit(x, y, epochs(3), initialEpoch(2), batchSize(8), verbose(0));

        assertThat(resumed.optimizer().iterations().storedValue().toLongArray()).containsExactly(21L);
        for (int i = 0; i < straight.getWeights().size(); i++) {
            assertThat(resumed.getWeights().get(i).toFloatArray()).as("weight " + i)
                    .containsExactly(straight.getWeights().get(i).toFloatArray());
        }
    }

    @Test
    void withStepsPerEpochTheResumeContinuesThePassOverTheDataBitForBit() {
        // 50 rows in batches of 8 take 7 steps a pass; 5 steps an epoch end epochs mid-pass, shuffled
        Sequential straight = fresh();
        straight.fit(x, y, epochs(3), stepsPerEpoch(5), batchSize(8), verbose(0));
        Sequential first = fresh();
        first.fit(x, y, epochs(2), stepsPerEpoch(5), batchSize(8), verbose(0));
        Path file = dir.resolve("two.keras");
        saveModel(first, file);
        Horn.setSeed(5);
        Model resumed = loadModel(file);
        resumed.fit(x, y, epochs(3), initialEpoch(2), stepsPerEpoch(5), batchSize(8), verbose(0));

        assertThat(resumed.optimizer().iterations().storedValue().toLongArray()).containsExactly(15L);
        for (int i = 0; i < straight.getWeights().size(); i++) {
            assertThat(resumed.getWeights().get(i).toFloatArray()).as("weight " + i)
                    .containsExactly(straight.getWeights().get(i).toFloatArray());
        }
    }

    @Test
    void withoutTheOptimizerStateTheResumeDiffers() {
        Sequential straight = trained(3);
        Sequential first = trained(2);
        Sequential weightsOnly = fresh();
        weightsOnly.setWeights(first.getWeights());
        weightsOnly.fit(x, y, epochs(3), initialEpoch(2), batchSize(8), verbose(0));
        assertThat(weightsOnly.getWeights().getFirst().toFloatArray())
                .isNotEqualTo(straight.getWeights().getFirst().toFloatArray());
    }

    @Test
    void legacyHdf5RoundTripsArchitectureWeightsAndOptimizer() {
        Sequential model = fresh();
        model.fit(x, y, epochs(1), batchSize(10), verbose(0));
        Path file = dir.resolve("m.h5");
        saveModelHdf5(model, file);
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(file)) {
            assertThat(f.getAttribute("keras_version").getData()).isEqualTo("2.15.0");
            assertThat(f.getAttribute("backend").getData()).isEqualTo("tensorflow");
            assertThat((String) f.getAttribute("model_config").getData()).startsWith("{\"class_name\": \"Sequential\"");
            assertThat((String) f.getAttribute("training_config").getData()).contains("\"optimizer_config\"");
            assertThat((String[]) f.getByPath("model_weights").getAttribute("layer_names").getData())
                    .containsExactly("dense", "dropout", "dense_1");
            assertThat((String[]) f.getByPath("model_weights/dense").getAttribute("weight_names").getData())
                    .containsExactly("dense/kernel:0", "dense/bias:0");
            assertThat(f.getByPath("model_weights/dense/dense/kernel:0")).isNotNull();
        }
        Model loaded = loadModelHdf5(file);
        assertThat(loaded.predict(x).toFloatArray()).containsExactly(model.predict(x).toFloatArray());
        assertThat(loaded.optimizer().iterations().storedValue().toLongArray()).containsExactly(5L);
        assertThat(loaded.optimizer().getConfig()).isEqualTo(model.optimizer().getConfig());
    }

    @Test
    void jsonRoundTripsTheArchitecture() {
        Sequential model = sequential(layerDense(8).activation("relu").inputShape(4), layerDropout(0.3), layerDense(2));
        String json = modelToJson(model);
        Model back = modelFromJson(json);
        assertThat(modelToJson(back)).isEqualTo(json);
        assertThat(back.countParams()).isEqualTo(model.countParams());
        assertThatThrownBy(() -> modelFromJson("{\"class_name\": \"Sequential\", \"config\": {\"layers\": "
                + "[{\"class_name\": \"Dense\", \"config\": {\"units\": \"ten\"}}]}}"))
                .hasMessageContaining("`units` must be an integer, got \"ten\"").hasMessageContaining("layers[0]");
    }

    @Test
    void weightsFilesRoundTripWithTheOptimizerStateAndRefuseAnotherArchitecture() {
        Sequential model = trained(1);
        Path file = dir.resolve("w.weights.h5");
        model.saveWeights(file);
        Sequential other = fresh();
        other.loadWeights(file);
        assertThat(other.predict(x).toFloatArray()).containsExactly(model.predict(x).toFloatArray());
        assertThat(other.optimizer().iterations().storedValue().toLongArray()).containsExactly(7L); // as Keras 3's load_weights
        Sequential wider = sequential(layerDense(9).inputShape(4), layerDropout(0.3), layerDense(2));
        float[] before = wider.getWeights().getFirst().toFloatArray();
        assertThatThrownBy(() -> wider.loadWeights(file)).hasMessageContaining("has shape (4, 9) in the model but (4, 8)");
        assertThat(wider.getWeights().getFirst().toFloatArray()).containsExactly(before);
    }
}
