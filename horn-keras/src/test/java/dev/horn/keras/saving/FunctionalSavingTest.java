package dev.horn.keras.saving;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static dev.horn.keras.saving.LayerRoundTripTest.assertSameWeightsAndPredictions;
import static dev.horn.keras.saving.LayerRoundTripTest.perturb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.functional.FunctionalMlpTest;
import dev.horn.keras.functional.HeadlineModelTest;
import dev.horn.keras.models.Functional;
import dev.horn.keras.models.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functional models through {@code .keras} and legacy HDF5: the DAG, shared layers and nested models come back whole. */
class FunctionalSavingTest {
    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        Keras.clearSession();
        setRandomSeed(4);
    }

    private static Functional mlp() {
        return FunctionalMlpTest.mlp();
    }

    private static Functional headlineModel() {
        return HeadlineModelTest.headlineModel();
    }

    /** Saves in both formats, loads, and checks config, weights and predictions; returns the .keras copy. */
    private Model roundTrip(Model model, Object x) {
        String keras3 = PyJson.write(ModelConfigs.serialize(model, Format.KERAS3));
        saveModel(model, dir.resolve("m.keras"));
        Model fromKeras = loadModel(dir.resolve("m.keras"));
        assertThat(fromKeras).isInstanceOf(Functional.class);
        assertThat(PyJson.write(ModelConfigs.serialize(fromKeras, Format.KERAS3))).isEqualTo(keras3);
        assertSameWeightsAndPredictions(model, fromKeras, x);

        saveModelHdf5(model, dir.resolve("m.h5"));
        Model fromH5 = loadModelHdf5(dir.resolve("m.h5"));
        assertThat(PyJson.write(ModelConfigs.serialize(fromH5, Format.KERAS2)))
                .isEqualTo(PyJson.write(ModelConfigs.serialize(model, Format.KERAS2)));
        assertSameWeightsAndPredictions(model, fromH5, x);
        return fromKeras;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layerEntry(Map<String, Object> saved, int i) {
        return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) saved.get("config")).get("layers")).get(i);
    }

    @Test
    void theFunctionalMlpWritesKeras3NodesAndKeras2NodeLists() {
        Functional model = mlp();
        String input = model.layers().get(0).name();
        String dense = model.layers().get(1).name();
        Map<String, Object> k3 = PyJson.readObject(PyJson.write(ModelConfigs.serialize(model, Format.KERAS3)), "k3");
        assertThat(k3).containsEntry("class_name", "Functional").containsEntry("registered_name", "Functional");
        assertThat(layerEntry(k3, 0)).containsEntry("class_name", "InputLayer").containsEntry("inbound_nodes", List.of());
        assertThat(PyJson.write(layerEntry(k3, 1).get("inbound_nodes"))).isEqualTo("[{\"args\": [{\"class_name\": "
                + "\"__keras_tensor__\", \"config\": {\"shape\": [null, 784], \"dtype\": \"float32\", \"keras_history\": [\""
                + input + "\", 0, 0]}}], \"kwargs\": {}}]");
        assertThat(PyJson.write(((Map<?, ?>) k3.get("config")).get("input_layers"))).isEqualTo("[[\"" + input + "\", 0, 0]]");
        Map<String, Object> k2 = PyJson.readObject(PyJson.write(ModelConfigs.serialize(model, Format.KERAS2)), "k2");
        assertThat(PyJson.write(layerEntry(k2, 2).get("inbound_nodes"))).isEqualTo("[[[\"" + dense + "\", 0, 0, {}]]]");

        model.compile(optimizerAdam(0.01), "categorical_crossentropy", "accuracy");
        Tensor x = tf.randomNormal(8, 784);
        model.fit(x, dev.horn.keras.utils.NumericalUtils.toCategorical(tf.cast(tf.randomUniform(new int[] {8}, 0, 10,
                DType.INT32), DType.INT32), 10), epochs(1), verbose(0));
        Model loaded = roundTrip(model, x);
        assertThat(loaded.isCompiled()).isTrue();
        assertThat(loaded.optimizer().iterations().storedValue().toLongArray()).containsExactly(1L);
    }

    @Test
    void theHeadlineModelWithTwoInputsAndTwoOutputsRoundTrips() {
        Functional model = headlineModel();
        perturb(model);
        Tensor headlines = tf.randomUniform(new int[] {4, 100}, 0, 10000, DType.INT32);
        Tensor aux = tf.randomNormal(4, 5);
        Model loaded = roundTrip(model, List.of(headlines, aux));
        assertThat(loaded.inputNames()).containsExactly("main_input", "aux_input");
        assertThat(loaded.outputNames()).containsExactly("main_output", "aux_output");
        assertThat(loaded.countParams()).isEqualTo(model.countParams());
    }

    @Test
    void aSharedLayerKeepsBothNodesAndOneSetOfWeights() {
        var tweetA = layerInput(6, 4);
        var tweetB = layerInput(6, 4);
        var shared = layerLstm(5);
        var predictions = layerConcatenate(List.of(tweetA.then(shared), tweetB.then(shared)), -1)
                .then(layerDense(1).activation("sigmoid"));
        Functional model = kerasModel(List.of(tweetA, tweetB), predictions);
        perturb(model);
        Map<String, Object> k3 = PyJson.readObject(PyJson.write(ModelConfigs.serialize(model, Format.KERAS3)), "k3");
        int lstmAt = model.layers().indexOf(shared);
        assertThat((List<?>) layerEntry(k3, lstmAt).get("inbound_nodes")).hasSize(2);
        Model loaded = roundTrip(model, List.of(tf.randomNormal(3, 6, 4), tf.randomNormal(3, 6, 4)));
        assertThat(loaded.trainableVariables()).hasSize(5);
        assertThat(loaded.getLayer(shared.name()).inboundNodes()).hasSize(2);
    }

    @Test
    void aLayerSharedAfterALaterLayerLoadsOnceItsInputIsMade() {
        // the second call of `first` reads `second`'s output, which the layer list names after `first`
        var input = layerInput(3);
        var first = layerDense(3).activation("tanh");
        var second = layerDense(3);
        var out = input.then(first).then(second).then(first);
        Functional model = kerasModel(input, out);
        perturb(model);
        roundTrip(model, tf.randomNormal(2, 3));
    }

    @Test
    void aNestedModelLoadsAsAModelInsideTheModel() {
        var input = layerInput(784);
        Functional inner = mlp();
        Functional outer = kerasModel(input, input.then(inner).then(layerDense(2)));
        perturb(outer);
        Model loaded = roundTrip(outer, tf.randomNormal(2, 784));
        assertThat(loaded.getLayer(inner.name())).isInstanceOf(Functional.class);
    }

    @Test
    void aNodeNamingAMissingLayerFailsNamingIt() {
        Functional model = mlp();
        String json = PyJson.write(ModelConfigs.serialize(model, Format.KERAS3))
                .replace("\"keras_history\": [\"" + model.layers().get(1).name() + "\"", "\"keras_history\": [\"nowhere\"");
        assertThatThrownBy(() -> ModelConfigs.deserialize(PyJson.readObject(json, "config.json"), "config.json"))
                .hasMessageContaining("layer \"nowhere\"");
    }
}
