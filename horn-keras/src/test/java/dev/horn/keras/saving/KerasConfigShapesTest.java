package dev.horn.keras.saving;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horn.keras.Keras;
import dev.horn.keras.layers.Bidirectional;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Horn writes has the shape of what Keras writes for the same model. The facts quoted are
 * read from files Keras wrote (keras-written/README.md): anaya-melody-lstm.keras (Keras 3.12.1,
 * Input → LSTM → Dropout → Dense, Adam) and flownet-final.keras (Keras 3.9.2, Sequential with
 * Dropout and LeakyReLU); the per-output compile config follows Keras' {@code compile} given dicts.
 */
class KerasConfigShapesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void names() {
        Keras.clearSession();
        setRandomSeed(3);
    }

    /** The melody model of anaya-melody-lstm.keras, smaller. */
    private static Model melody() {
        var in = layerInput(-1, 6);
        var out = in.then(layerLstm(4)).then(layerDropout(0.3)).then(layerDense(6).activation("softmax"));
        Model m = kerasModel(List.of(in), List.of(out));
        m.compile(optimizerAdam(0.002), "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> model, int i) {
        return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) model.get("config")).get("layers")).get(i);
    }

    @Test
    void functionalNodesCarryTheCallKeywordsKeras3Records() {
        Map<String, Object> saved = ModelConfigs.serialize(melody(), Format.KERAS3);
        // as in anaya-melody-lstm.keras
        assertThat(PyJson.write(((Map<?, ?>) ((List<?>) layer(saved, 1).get("inbound_nodes")).getFirst()).get("kwargs")))
                .isEqualTo("{\"training\": false, \"mask\": null}");
        assertThat(PyJson.write(((Map<?, ?>) ((List<?>) layer(saved, 2).get("inbound_nodes")).getFirst()).get("kwargs")))
                .isEqualTo("{\"training\": false}");
        assertThat(PyJson.write(((Map<?, ?>) ((List<?>) layer(saved, 3).get("inbound_nodes")).getFirst()).get("kwargs")))
                .isEqualTo("{}");
        assertThat(PyJson.write(saved.get("build_config"))).isEqualTo("{\"input_shape\": null}");
        assertThat(layer(saved, 0)).doesNotContainKey("build_config");
        assertThat(layer(saved, 1)).containsKey("build_config");
        assertThat(layer(saved, 2)).doesNotContainKey("build_config"); // Dropout keeps Layer.build
        assertThat(layer(saved, 3)).containsKey("build_config");
        assertThat(((Map<String, Object>) layer(saved, 1).get("config")).keySet()).containsExactly("name", "trainable",
                "dtype", "return_sequences", "return_state", "go_backwards", "stateful", "unroll",
                "zero_output_for_mask", "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
                "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
                "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed");
        assertThat(((Map<String, Object>) saved.get("compile_config")).keySet()).containsExactly("optimizer", "loss",
                "loss_weights", "metrics", "weighted_metrics", "run_eagerly", "steps_per_execution", "jit_compile");
    }

    @Test
    void theWeightsFileHasTheGroupsKeras3Writes() throws Exception {
        Model m = melody();
        m.fit(dev.horn.Tensor.of(new float[2 * 3 * 6], 2, 3, 6), dev.horn.Tensor.of(new float[] {1, 2}, 2), epochs(1), verbose(0));
        Path file = dir.resolve("m.keras");
        saveModel(m, file);
        Path weights = dir.resolve("model.weights.h5");
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            java.nio.file.Files.copy(zip.getInputStream(zip.getEntry("model.weights.h5")), weights);
        }
        List<String> groups = new ArrayList<>();
        try (HdfFile h5 = new HdfFile(weights)) {
            walk(h5, groups);
        }
        // anaya-melody-lstm.keras has these and the empty groups of the saveables without variables (the root `vars`,
        // layers/input_layer, layers/lstm, layers/dropout), which jhdf cannot write safely (WeightsFile.write) and
        // Keras reads as empty when missing. Each `name` is the layer's or optimizer's own
        assertThat(groups).containsExactlyInAnyOrder("layers/dense/vars name=dense 2", "layers/lstm/cell/vars name=lstm_cell 3",
                "optimizer/vars name=" + m.optimizer().name() + " 12");
    }

    private static void walk(Group g, List<String> out) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Group child) {
                if (child.getName().equals("vars")) {
                    String path = child.getPath().substring(1, child.getPath().length() - 1);
                    out.add(path + " name=" + child.getAttribute("name").getData() + " " + child.getChildren().size());
                } else {
                    walk(child, out);
                }
            }
        }
    }

    @Test
    void aSequentialWritesNoBuildConfigForLayersWithoutBuildAndNullMetrics() {
        Model s = sequential(layerDense(8).inputShape(2), layerDropout(0.2), layerDense(4), layerLeakyRelu(0.2), layerDense(2));
        s.compile(optimizerAdam(), "mse");
        Map<String, Object> saved = ModelConfigs.serialize(s, Format.KERAS3);
        // as in flownet-final.keras: InputLayer, then Dense with build_config, Dropout and LeakyReLU without
        assertThat(layer(saved, 2)).doesNotContainKey("build_config");
        assertThat(layer(saved, 4)).doesNotContainKey("build_config");
        assertThat(PyJson.write(layer(saved, 4).get("config"))).endsWith("\"negative_slope\": 0.2}");
        assertThat(((Map<?, ?>) saved.get("compile_config")).get("metrics")).isNull();
    }

    @Test
    void bidirectionalRecordsBothDirectionsAsKeras3Does() {
        Model s = sequential(new Bidirectional(layerLstm(3).returnSequences(true), "concat").inputShape(5, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) layer(ModelConfigs.serialize(s, Format.KERAS3), 1).get("config");
        assertThat(config.keySet()).containsExactly("name", "trainable", "dtype", "merge_mode", "layer", "backward_layer");
        @SuppressWarnings("unchecked")
        Map<String, Object> backward = (Map<String, Object>) ((Map<String, Object>) config.get("backward_layer")).get("config");
        assertThat(backward).containsEntry("name", "backward_lstm").containsEntry("go_backwards", true)
                .containsEntry("zero_output_for_mask", true);
    }

    /** Two outputs, compiled with a loss, a weight and metrics per output. */
    private static Model twoOutputs() {
        var in = layerInput(4).name("features");
        var hidden = in.then(layerDense(5).activation("relu"));
        var main = hidden.then(layerDense(1).activation("sigmoid").name("main_output"));
        var aux = hidden.then(layerDense(3).activation("softmax").name("aux_output"));
        Model m = kerasModel(List.of(in), List.of(main, aux));
        m.compile(optimizerRmsprop(), Map.of("main_output", "binary_crossentropy", "aux_output", "categorical_crossentropy"),
                lossWeights(Map.of("main_output", 1.0, "aux_output", 0.2)),
                Map.of("main_output", List.of("accuracy"), "aux_output", List.of("accuracy", "mse")));
        return m;
    }

    @Test
    void perOutputLossesWeightsAndMetricsAreSavedKeyedByOutputAndComeBack() {
        Model m = twoOutputs();
        Map<?, ?> compile = (Map<?, ?>) ModelConfigs.serialize(m, Format.KERAS3).get("compile_config");
        assertThat(PyJson.write(compile.get("loss")))
                .isEqualTo("{\"main_output\": \"binary_crossentropy\", \"aux_output\": \"categorical_crossentropy\"}");
        assertThat(PyJson.write(compile.get("loss_weights"))).isEqualTo("{\"main_output\": 1.0, \"aux_output\": 0.2}");
        assertThat(PyJson.write(compile.get("metrics")))
                .isEqualTo("{\"main_output\": [\"accuracy\"], \"aux_output\": [\"accuracy\", \"mse\"]}");

        saveModel(m, dir.resolve("m.keras"));
        checkCompiledAsSaved(loadModel(dir.resolve("m.keras")));
        saveModelHdf5(m, dir.resolve("m.h5"));
        checkCompiledAsSaved(loadModelHdf5(dir.resolve("m.h5")));
    }

    private static void checkCompiledAsSaved(Model loaded) {
        var settings = loaded.compileSettings();
        assertThat(settings.losses().stream().map(Loss::name).toList())
                .containsExactly("binary_crossentropy", "categorical_crossentropy");
        assertThat(settings.lossWeights()).containsExactly(1.0, 0.2);
        assertThat(settings.metricsPerOutput().stream().map(ms -> ms.stream().map(Metric::name).toList()).toList())
                .containsExactly(List.of("accuracy"), List.of("accuracy", "mse"));
    }

    @Test
    void perOutputSettingsGivenAsListsInOutputOrderLoadToo() {
        Model m = twoOutputs();
        Map<String, Object> compile = new java.util.LinkedHashMap<>();
        compile.put("optimizer", "adam");
        compile.put("loss", List.of("binary_crossentropy", "categorical_crossentropy"));
        compile.put("loss_weights", List.of(1.0, 0.2));
        compile.put("metrics", List.of(List.of("accuracy"), List.of("accuracy", "mse")));
        ModelConfigs.compile(m, compile, "test compile_config");
        checkCompiledAsSaved(m);
    }

    @Test
    void aCompileConfigWithoutOptimizerCompilesWithRmspropAsKerasDoes() {
        Model m = sequential(layerDense(1).inputShape(3));
        Map<String, Object> compile = new java.util.LinkedHashMap<>();
        compile.put("loss", "binary_crossentropy"); // as adit-churn.keras (Keras 3.11.3) records it
        compile.put("metrics", List.of("accuracy"));
        ModelConfigs.compile(m, compile, "compile_config");
        assertThat(m.optimizer().getClass().getSimpleName()).isEqualTo("RMSprop");
    }

    @Test
    void aNodeCallArgumentHornCannotReplayFailsNamingIt() {
        Map<String, Object> saved = ModelConfigs.serialize(melody(), Format.KERAS3);
        String json = PyJson.write(saved).replace("{\"training\": false, \"mask\": null}",
                "{\"training\": false, \"constants\": [1, 2]}");
        assertThatThrownBy(() -> modelFromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers[1]").hasMessageContaining("`constants`");
        Layer lstm = modelFromJson(PyJson.write(saved)).layers().get(1);
        assertThat(lstm.className()).isEqualTo("LSTM");
    }

    @Test
    void aKeras213FileNumbersEachLayerWithWeightsTwice() {
        Model cnn = sequential(layerConv2d(2, 3).padding("same").inputShape(6, 6, 1), layerMaxPooling2d(2),
                layerConv2d(2, 3).padding("same"), layerMaxPooling2d(2), layerFlatten(), layerDense(3), layerDense(2));
        // the groups of adirtka-mnist-cnn.keras, written by Keras 2.13.1
        assertThat(WeightsFile.entries(cnn, false, true).stream().skip(1).map(WeightsFile.Entry::path).toList())
                .containsExactly("_layer_checkpoint_dependencies/conv2d", "_layer_checkpoint_dependencies/max_pooling2d",
                        "_layer_checkpoint_dependencies/conv2d_2", "_layer_checkpoint_dependencies/max_pooling2d_1",
                        "_layer_checkpoint_dependencies/flatten", "_layer_checkpoint_dependencies/dense",
                        "_layer_checkpoint_dependencies/dense_2");
        assertThat(WeightsFile.entries(cnn, false).stream().skip(1).map(WeightsFile.Entry::path).toList())
                .containsExactly("layers/conv2d", "layers/max_pooling2d", "layers/conv2d_1", "layers/max_pooling2d_1",
                        "layers/flatten", "layers/dense", "layers/dense_1");
    }

    @Test
    void anLstmsInitialStatesAreWrittenAsKerasCallsItAndComeBack() {
        var x = layerInput(5, 3);
        var h = layerInput(4);
        var c = layerInput(4);
        var y = layerLstm(4).connect(List.of(x, h, c)).getFirst();
        Model m = kerasModel(List.of(x, h, c), List.of(y));
        Map<String, Object> saved = ModelConfigs.serialize(m, Format.KERAS3);
        Map<?, ?> node = (Map<?, ?>) ((List<?>) layer(saved, 3).get("inbound_nodes")).getFirst();
        // lstm(x, initial_state=[h, c]): one argument; a second tensor argument means Keras populates no mask
        assertThat((List<?>) node.get("args")).hasSize(1);
        assertThat(PyJson.write(List.copyOf(((Map<?, ?>) node.get("kwargs")).keySet()))).isEqualTo("[\"initial_state\", \"training\"]");
        assertThat((List<?>) ((Map<?, ?>) node.get("kwargs")).get("initial_state")).hasSize(2);
        saveModel(m, dir.resolve("m.keras"));
        Model loaded = loadModel(dir.resolve("m.keras"));
        List<dev.horn.Tensor> in = List.of(dev.horn.Tensor.of(new float[30], 2, 5, 3).add(0.5f),
                dev.horn.Tensor.of(new float[8], 2, 4).add(0.3f), dev.horn.Tensor.of(new float[8], 2, 4).add(-0.2f));
        assertThat(loaded.predict(in).toFloatArray()).containsExactly(m.predict(in).toFloatArray());
        assertThat(loaded.predict(in).toFloatArray()).isNotEqualTo(
                m.predict(List.of(in.get(0), in.get(1).mul(0f), in.get(2).mul(0f))).toFloatArray());
    }

    @Test
    void aFunctionalModelEndingInAnLstmSavesAndLoads() {
        // the layout jhdf 0.9.4 used to spoil: an input layer's empty group written after the LSTM's datasets
        var x = layerInput(5, 3);
        Model m = kerasModel(List.of(x), List.of(x.then(layerLstm(4))));
        LayerRoundTripTest.perturb(m);
        saveModel(m, dir.resolve("m.keras"));
        dev.horn.Tensor in = dev.horn.Tensor.of(new float[30], 2, 5, 3).add(0.25f);
        assertThat(loadModel(dir.resolve("m.keras")).predict(in).toFloatArray()).containsExactly(m.predict(in).toFloatArray());
    }

    @Test
    void aModelWithoutWeightsSavesAndLoads() {
        Model m = sequential(layerFlatten().inputShape(2, 3));
        saveModel(m, dir.resolve("m.keras"));
        assertThat(loadModel(dir.resolve("m.keras")).countParams()).isZero();
    }

    @Test
    void aLegacyHdf5FileJhdfWouldSpoilIsRefusedAndTheOldFileKept() throws Exception {
        // the legacy layout keeps an empty group per layer without weights, as Keras reads it; jhdf 0.9.4 spoils
        // the input layer's, written after the LSTM's datasets (WeightsFile.write), and saving reads the file back
        var x = layerInput(5, 3);
        Model m = kerasModel(List.of(x), List.of(x.then(layerLstm(4))));
        Path file = dir.resolve("m.h5");
        java.nio.file.Files.writeString(file, "an older file");
        assertThatThrownBy(() -> saveModelHdf5(m, file)).hasMessageContaining("cannot read back")
                .hasMessageContaining("nothing was saved");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("an older file");
    }
}
