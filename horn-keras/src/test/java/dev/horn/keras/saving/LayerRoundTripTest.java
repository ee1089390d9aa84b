package dev.horn.keras.saving;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.loadModel;
import static dev.horn.keras.Keras.loadModelHdf5;
import static dev.horn.keras.Keras.saveModel;
import static dev.horn.keras.Keras.saveModelHdf5;
import static dev.horn.keras.Keras.sequential;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.Keras;
import dev.horn.keras.layers.*;
import dev.horn.keras.layers.merging.Add;
import dev.horn.keras.layers.merging.Average;
import dev.horn.keras.layers.merging.Concatenate;
import dev.horn.keras.layers.merging.Dot;
import dev.horn.keras.layers.merging.Maximum;
import dev.horn.keras.layers.merging.Minimum;
import dev.horn.keras.layers.merging.Multiply;
import dev.horn.keras.layers.merging.Subtract;
import dev.horn.keras.models.Functional;
import dev.horn.keras.models.Model;
import dev.horn.keras.models.Sequential;
import dev.horn.keras.regularizers.Regularizers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer class {@link KerasLayers} registers round-trips through {@code .keras} and legacy
 * HDF5: the same config, the same weights, the same predictions. The cases are keyed by Keras
 * class name and the test runs over the registry, so a newly registered layer without a case
 * here fails {@link #everyRegisteredLayerHasARoundTripCase}. Merge layers take several inputs,
 * so their cases are functional models.
 */
class LayerRoundTripTest {
    /** A model holding the layer (with arguments off their defaults where it has any) and an input batch. */
    record Case(Supplier<Model> model, List<int[]> inputShapes, boolean integerInput) {}

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    /** Registered classes without a case yet, each with the reason (none today: every class has one). */
    static final Map<String, String> EXCLUDED = new LinkedHashMap<>();

    static {
        merge("Add", Add::new);
        merge("Subtract", Subtract::new);
        merge("Multiply", Multiply::new);
        merge("Average", Average::new);
        merge("Maximum", Maximum::new);
        merge("Minimum", Minimum::new);
        merge("Concatenate", () -> new Concatenate().axis(1));
        merge("Dot", () -> new Dot(1).normalize(true));
        put("InputLayer", () -> sequential(new InputLayer(3), new Dense(2)), 3);
        put("Dense", () -> sequential(new Dense(4).activation("tanh").useBias(false).inputShape(3)
                .kernelRegularizer(Regularizers.l2(0.02))), 3);
        put("Dropout", () -> sequential(new Dropout(0.3).seed(7).inputShape(3), new Dense(2)), 3);
        put("Activation", () -> sequential(new ActivationLayer("sigmoid").inputShape(3)), 3);
        put("Flatten", () -> sequential(new Flatten().inputShape(2, 3)), 2, 3);
        put("LeakyReLU", () -> sequential(new Dense(3).inputShape(2), new LeakyRelu(0.1)), 2);
        put("Reshape", () -> sequential(new Reshape(3, 2).inputShape(6)), 6);
        put("Masking", () -> sequential(new Masking(0.5).inputShape(4, 3), new Lstm(2)), 4, 3);
        put("Conv1D", () -> sequential(new Conv1D(3, 2).strides(2).padding("same").activation("relu").inputShape(6, 2)), 6, 2);
        put("Conv2D", () -> sequential(new Conv2D(3, 3).dilationRate(2).biasRegularizer(Regularizers.l1(0.1))
                .inputShape(6, 6, 2)), 6, 6, 2);
        put("Conv3D", () -> sequential(new Conv3D(2, 2).inputShape(3, 3, 3, 1)), 3, 3, 3, 1);
        put("Conv2DTranspose", () -> sequential(new Conv2DTranspose(2, 3).strides(2).outputPadding(1).inputShape(3, 3, 2)), 3, 3, 2);
        put("DepthwiseConv2D", () -> sequential(new DepthwiseConv2D(2).depthMultiplier(2).inputShape(4, 4, 3)), 4, 4, 3);
        put("SeparableConv2D", () -> sequential(new SeparableConv2D(4, 2).depthMultiplier(2).inputShape(4, 4, 3)), 4, 4, 3);
        put("MaxPooling1D", () -> sequential(new MaxPooling1D(3).strides(1).inputShape(6, 2)), 6, 2);
        put("MaxPooling2D", () -> sequential(new MaxPooling2D(2).padding("same").inputShape(5, 5, 2)), 5, 5, 2);
        put("MaxPooling3D", () -> sequential(new MaxPooling3D(2).inputShape(4, 4, 4, 1)), 4, 4, 4, 1);
        put("AveragePooling1D", () -> sequential(new AveragePooling1D(2).inputShape(6, 2)), 6, 2);
        put("AveragePooling2D", () -> sequential(new AveragePooling2D(3).strides(1).inputShape(5, 5, 2)), 5, 5, 2);
        put("AveragePooling3D", () -> sequential(new AveragePooling3D(2).inputShape(4, 4, 4, 1)), 4, 4, 4, 1);
        put("GlobalMaxPooling1D", () -> sequential(new GlobalMaxPooling1D().keepdims(true).inputShape(5, 3)), 5, 3);
        put("GlobalMaxPooling2D", () -> sequential(new GlobalMaxPooling2D().inputShape(4, 4, 3)), 4, 4, 3);
        put("GlobalAveragePooling1D", () -> sequential(new GlobalAveragePooling1D().inputShape(5, 3)), 5, 3);
        put("GlobalAveragePooling2D", () -> sequential(new GlobalAveragePooling2D().dataFormat("channels_first")
                .inputShape(3, 4, 4)), 3, 4, 4);
        put("SimpleRNN", () -> sequential(new SimpleRnn(3).returnSequences(true).activation("relu").inputShape(5, 2)), 5, 2);
        put("LSTM", () -> sequential(new Lstm(3).unitForgetBias(false).goBackwards(true).inputShape(5, 2)), 5, 2);
        put("GRU", () -> sequential(new Gru(3).resetAfter(false).recurrentActivation("relu").inputShape(5, 2)), 5, 2);
        CASES.put("Embedding", new Case(() -> sequential(new Embedding(7, 3).maskZero(true).inputShape(4), new SimpleRnn(2)),
                List.of(new int[] {4}), true));
        put("Bidirectional", () -> sequential(new Bidirectional(new Lstm(3).returnSequences(true), "sum").inputShape(5, 2)), 5, 2);
        put("TimeDistributed", () -> sequential(new TimeDistributed(new Dense(3).activation("relu")).inputShape(4, 2)), 4, 2);
        put("BatchNormalization", () -> sequential(new BatchNormalization().momentum(0.9).epsilon(0.01).inputShape(4, 3)), 4, 3);
        put("LayerNormalization", () -> sequential(new LayerNormalization().axis(1, 2).epsilon(0.01).inputShape(4, 3)), 4, 3);
        put("ZeroPadding2D", () -> sequential(new ZeroPadding2D().padding(1, 0, 2, 1).inputShape(3, 3, 2)), 3, 3, 2);
        put("Cropping2D", () -> sequential(new Cropping2D().cropping(1, 0, 0, 2).inputShape(4, 4, 2)), 4, 4, 2);
        put("UpSampling2D", () -> sequential(new UpSampling2D().size(2, 3).interpolation("bilinear").inputShape(3, 3, 1)), 3, 3, 1);
        put("SpatialDropout1D", () -> sequential(new SpatialDropout1D(0.2).seed(3).inputShape(4, 3)), 4, 3);
        put("SpatialDropout2D", () -> sequential(new SpatialDropout2D(0.2).dataFormat("channels_first").inputShape(2, 3, 3)), 2, 3, 3);
        put("GaussianNoise", () -> sequential(new GaussianNoise(0.4).seed(5).inputShape(3)), 3);
        put("Rescaling", () -> sequential(new Rescaling(1 / 127.5).offset(-1).inputShape(3)), 3);
        put("RandomFlip", () -> sequential(new RandomFlip("horizontal").seed(2).inputShape(4, 4, 1)), 4, 4, 1);
        put("RandomRotation", () -> sequential(new RandomRotation(-0.2, 0.3).fillMode("nearest").inputShape(4, 4, 1)), 4, 4, 1);
        put("RandomTranslation", () -> sequential(new RandomTranslation(0.1, 0.2).interpolation("nearest").inputShape(4, 4, 1)), 4, 4, 1);
        put("RandomZoom", () -> sequential(new RandomZoom(-0.2, 0.1).widthFactor(0.3).fillValue(1).inputShape(4, 4, 1)), 4, 4, 1);
    }

    private static void put(String className, Supplier<Model> model, int... inputShape) {
        CASES.put(className, new Case(model, List.of(inputShape), false));
    }

    /** A merge layer takes several inputs, so its case is a functional model of two inputs. */
    private static void merge(String className, Supplier<Layer> layer) {
        CASES.put(className, new Case(() -> {
            KerasTensor a = KerasTensor.input(4);
            KerasTensor b = KerasTensor.input(4);
            KerasTensor merged = layer.get().apply(List.of(a.then(new Dense(3)), b.then(new Dense(3))));
            return new Functional(List.of(a, b), List.of(merged.then(new Dense(2))));
        }, List.of(new int[] {4}, new int[] {4}), false));
    }

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        Keras.clearSession();
        Horn.setSeed(11);
    }

    @Test
    void everyRegisteredLayerHasARoundTripCase() {
        assertThat(KerasLayers.registeredClassNames())
                .as("registered layers need a case in LayerRoundTripTest (or a named exclusion)")
                .allSatisfy(name -> assertThat(CASES.containsKey(name) || EXCLUDED.containsKey(name)).as(name).isTrue());
        assertThat(KerasLayers.registeredClassNames()).containsAll(CASES.keySet()).containsAll(EXCLUDED.keySet());
    }

    static Stream<String> cases() {
        return KerasLayers.registeredClassNames().stream().filter(CASES::containsKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTripsThroughKerasAndHdf5(String className) {
        Case c = CASES.get(className);
        Model model = c.model().get();
        perturb(model);
        List<Tensor> inputs = new java.util.ArrayList<>();
        for (int[] shape : c.inputShapes()) {
            int[] batch = new int[shape.length + 1];
            batch[0] = 3;
            System.arraycopy(shape, 0, batch, 1, shape.length);
            inputs.add(c.integerInput() ? tf.randomUniform(batch, 0, 7, DType.INT32) : tf.randomNormal(batch));
        }
        Object x = inputs.size() == 1 ? inputs.getFirst() : inputs;
        String keras3 = PyJson.write(ModelConfigs.serialize(model, Format.KERAS3));
        assertThat(keras3).contains("\"class_name\": \"" + className + "\"");

        Path kerasFile = dir.resolve("m.keras");
        saveModel(model, kerasFile);
        Model fromKeras = loadModel(kerasFile);
        assertThat(PyJson.write(ModelConfigs.serialize(fromKeras, Format.KERAS3))).isEqualTo(keras3);
        assertSameWeightsAndPredictions(model, fromKeras, x);

        Path h5File = dir.resolve("m.h5");
        saveModelHdf5(model, h5File);
        Model fromH5 = loadModelHdf5(h5File);
        assertThat(PyJson.write(ModelConfigs.serialize(fromH5, Format.KERAS2)))
                .isEqualTo(PyJson.write(ModelConfigs.serialize(model, Format.KERAS2)));
        assertSameWeightsAndPredictions(model, fromH5, x);
    }

    @Test
    void weightGroupsNestAsKeras3SavesThem() throws Exception {
        Sequential model = sequential(new Lstm(3).returnSequences(true).inputShape(5, 2),
                new Bidirectional(new Gru(2).returnSequences(true), "concat"),
                new TimeDistributed(new Dense(2)), new BatchNormalization());
        Path file = dir.resolve("m.weights.h5");
        WeightsFile.save(model, file);
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(file)) {
            // the LSTM's own `vars` is empty, so left out beside `cell` (jhdf 0.9.4, see WeightsFile.write)
            assertThat(((io.jhdf.api.Group) f.getByPath("layers/lstm")).getChildren().keySet()).containsExactly("cell");
            assertThat(f.getByPath("layers/lstm/cell/vars").getAttribute("name").getData()).isEqualTo("lstm_cell");
            assertThat(dims(f, "layers/lstm/cell/vars/0")).containsExactly(2, 12);  // kernel
            assertThat(dims(f, "layers/lstm/cell/vars/1")).containsExactly(3, 12);  // recurrent_kernel
            assertThat(dims(f, "layers/lstm/cell/vars/2")).containsExactly(12);     // bias
            assertThat(dims(f, "layers/bidirectional/forward_layer/cell/vars/0")).containsExactly(3, 6);
            assertThat(dims(f, "layers/bidirectional/backward_layer/cell/vars/2")).containsExactly(2, 6); // reset_after bias
            assertThat(dims(f, "layers/time_distributed/layer/vars/0")).containsExactly(4, 2);
            assertThat(((io.jhdf.api.Group) f.getByPath("layers/batch_normalization/vars")).getChildren()).hasSize(4);
        }
    }

    private static int[] dims(io.jhdf.HdfFile f, String path) {
        return ((io.jhdf.api.Dataset) f.getByPath(path)).getDimensions();
    }

    /** Values off their initial ones (positive, as a moving variance must be), so a weight left unloaded shows. */
    static void perturb(Model model) {
        for (Variable v : model.variables()) {
            v.assign(tf.cast(tf.randomUniform(v.shape().dims(), 0.5, 1.5), v.dtype()));
        }
    }

    static void assertSameWeightsAndPredictions(Model saved, Model loaded, Object x) {
        List<Tensor> expected = saved.getWeights();
        List<Tensor> actual = loaded.getWeights();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).shape()).isEqualTo(expected.get(i).shape());
            assertSameValues(actual.get(i), expected.get(i), "weight " + i);
        }
        List<Tensor> expectedOut = saved.predictOutputs(x);
        List<Tensor> actualOut = loaded.predictOutputs(x);
        assertThat(actualOut).hasSameSizeAs(expectedOut);
        for (int i = 0; i < expectedOut.size(); i++) {
            assertSameValues(actualOut.get(i), expectedOut.get(i), "output " + i);
        }
    }

    /** Bit for bit; a mismatch names the first differing element (AssertJ's diff is slow on large arrays). */
    private static void assertSameValues(Tensor actual, Tensor expected, String what) {
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        assertThat(a.length).as(what + " size").isEqualTo(e.length);
        int at = java.util.Arrays.mismatch(a, e);
        assertThat(at).as(what + " differs at element " + at + (at < 0 ? "" : ": " + a[at] + " vs " + e[at])).isEqualTo(-1);
    }
}
