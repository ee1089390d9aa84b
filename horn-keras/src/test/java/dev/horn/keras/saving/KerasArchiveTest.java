package dev.horn.keras.saving;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.layers.Dense;
import dev.horn.keras.models.Model;
import dev.horn.keras.models.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code .keras} zip: Keras' own config loads, Horn's files round-trip, bad files fail cleanly. */
class KerasArchiveTest {
    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        Keras.clearSession();
        Horn.setSeed(3);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = KerasArchiveTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void aConfigKeras3WroteLoadsAndIsWrittenBackByteForByte() throws IOException {
        String keras = fixture("keras3-sequential-config.json");
        Sequential model = (Sequential) ModelConfigs.deserialize(PyJson.readObject(keras, "fixture"), "fixture");
        ModelConfigs.compile(model, PyJson.readObject(keras, "fixture").get("compile_config"), "fixture");
        assertThat(model.layers()).extracting(l -> l.name()).containsExactly("dense", "dense_1", "dense_2");
        assertThat(model.countParams()).isEqualTo(8 * 12 + 12 + 12 * 8 + 8 + 8 + 1);
        assertThat(model.optimizer().getClass().getSimpleName()).isEqualTo("Adam");
        assertThat(model.metrics()).extracting(m -> m.name()).containsExactly("accuracy");
        assertThat(PyJson.write(ModelConfigs.serialize(model, Format.KERAS3))).isEqualTo(keras);
    }

    @Test
    void aModelConfigKeras2WroteLoads() throws IOException {
        Model model = modelFromJson(fixture("keras2-sequential-model-config.json"));
        assertThat(model.layers()).hasSize(2);
        assertThat(((Sequential) model).inputShape().dims()).containsExactly(-1, 10);
        assertThat(((Dense) model.getLayer("dense_1")).activation().name()).isEqualTo("swish");
        assertThat(model.countParams()).isEqualTo(10 * 20 + 20 + 20 * 15 + 15);
    }

    static Sequential everyLayer() {
        return sequential(
                layerDense(6).activation("tanh").inputShape(2, 4).kernelRegularizer(dev.horn.keras.regularizers.Regularizers.l2(0.01)),
                layerFlatten(),
                layerDropout(0.25),
                layerReshape(3, 4),
                layerActivation("relu"),
                layerFlatten(),
                layerDense(3).activation("softmax").kernelInitializer(dev.horn.keras.initializers.Initializers.randomNormal(0, 0.3)));
    }

    @Test
    void everyLayerTypeRoundTripsWithItsWeightsAndCompileSettings() {
        Sequential model = everyLayer();
        model.compile(optimizerAdam(0.01), "categorical_crossentropy", "accuracy");
        Tensor x = tf.randomNormal(new int[] {16, 2, 4});
        Tensor y = dev.horn.keras.utils.NumericalUtils.toCategorical(tf.cast(tf.randomUniform(new int[] {16}, 0, 3,
                dev.horn.DType.INT32), dev.horn.DType.INT32), 3);
        model.fit(x, y, epochs(1), verbose(0));
        Path file = dir.resolve("m.keras");
        saveModel(model, file);

        Model loaded = loadModel(file);
        assertThat(loaded.layers()).extracting(l -> l.className())
                .containsExactly("Dense", "Flatten", "Dropout", "Reshape", "Activation", "Flatten", "Dense");
        assertThat(loaded.predict(x).toFloatArray()).containsExactly(model.predict(x).toFloatArray());
        assertThat(loaded.optimizer().iterations().storedValue().toLongArray()).containsExactly(1L);
        assertThat(loaded.optimizer().variables()).hasSameSizeAs(model.optimizer().variables());
        for (int i = 0; i < model.optimizer().variables().size(); i++) {
            assertThat(loaded.optimizer().variables().get(i).storedValue().toDoubleArray())
                    .containsExactly(model.optimizer().variables().get(i).storedValue().toDoubleArray());
        }
        assertThat(PyJson.write(ModelConfigs.serialize(loaded, Format.KERAS3)))
                .isEqualTo(PyJson.write(ModelConfigs.serialize(model, Format.KERAS3)));
    }

    @Test
    void theArchiveHoldsKerasEntriesAndWeightGroups() throws IOException {
        Sequential model = everyLayer();
        model.compile("sgd", "mse");
        Path file = dir.resolve("m.keras");
        saveModel(model, file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("metadata.json", "config.json", "model.weights.h5");
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
            Path h5 = dir.resolve("w.h5");
            try (InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
                Files.copy(in, h5);
            }
            try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
                assertThat(f.getByPath("layers/dense/vars/0").getAttributes()).isEmpty();
                assertThat(((io.jhdf.api.Dataset) f.getByPath("layers/dense/vars/0")).getDimensions()).containsExactly(4, 6);
                assertThat(((io.jhdf.api.Dataset) f.getByPath("layers/dense_1/vars/1")).getDimensions()).containsExactly(3);
                assertThat(f.getByPath("layers/dense/vars").getAttribute("name").getData()).isEqualTo(model.layers().getFirst().name());
                // layers without variables get no group (Keras writes an empty one; see WeightsFile.write)
                assertThat(((io.jhdf.api.Group) f.getByPath("layers")).getChildren().keySet()).doesNotContain("dropout", "flatten_1");
                assertThat(f.getChildren().keySet()).containsExactlyInAnyOrder("layers", "optimizer");
                assertThat(((io.jhdf.api.Dataset) f.getByPath("optimizer/vars/0")).isScalar()).isTrue();
            }
        }
    }

    @Test
    void aTruncatedFileFailsNamingTheFile() throws IOException {
        Sequential model = everyLayer();
        Path file = dir.resolve("m.keras");
        saveModel(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.keras");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> loadModel(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("not a readable .keras");
    }

    @Test
    void anEntryWithADotDotPathIsRefused() throws IOException {
        Path evil = dir.resolve("evil.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../../etc/config.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> loadModel(evil)).hasMessageContaining("unsafe path \"../../etc/config.json\"")
                .hasMessageContaining(evil.toString());
    }

    @Test
    void weightsOfTheWrongShapeFailAndNameTheLayer() throws IOException {
        Sequential saved = sequential(layerDense(5).inputShape(3), layerDense(2));
        Path file = dir.resolve("a.keras");
        saveModel(saved, file);
        // same file, config edited to 4 units: the stored kernel (3, 5) no longer fits
        Path edited = dir.resolve("b.keras");
        try (ZipFile in = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e : List.of(in.getEntry("metadata.json"), in.getEntry("config.json"), in.getEntry("model.weights.h5"))) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"units\": 5", "\"units\": 4")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> loadModel(edited)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.weights.h5").hasMessageContaining("has shape (3, 4) in the model but (3, 5) in the file");
    }

    @Test
    void anUnregisteredCustomLayerFailsNamingItsClass() {
        String json = "{\"module\": \"my.layers\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"module\": \"my.layers\", \"class_name\": \"Antialias\", \"config\": {\"name\": \"aa\"}, \"registered_name\": \"Custom>Antialias\"}]}}";
        assertThatThrownBy(() -> modelFromJson(json)).hasMessageContaining("Could not locate layer 'Antialias'")
                .hasMessageContaining("Custom>Antialias").hasMessageContaining("registerKerasSerializable");
    }

    @Test
    void aRegisteredCustomLossAndActivationRoundTrip() {
        registerKerasSerializable("Custom", "cube", c -> dev.horn.keras.activations.Activation.of("cube", t -> t.mul(t).mul(t)));
        registerKerasSerializable("Custom", "my_mae", c -> dev.horn.keras.losses.Loss.of("my_mae", (t, p) -> tf.abs(tf.sub(p, t))));
        Sequential model = sequential(layerDense(2).inputShape(3)
                .activation(dev.horn.keras.activations.Activation.of("cube", t -> t.mul(t).mul(t))));
        model.compile("adam", dev.horn.keras.losses.Loss.of("my_mae", (t, p) -> tf.abs(tf.sub(p, t))));
        Path file = dir.resolve("c.keras");
        saveModel(model, file);
        Model loaded = loadModel(file);
        assertThat(((Dense) loaded.layers().getFirst()).activation().name()).isEqualTo("cube");
        assertThat(loaded.loss().name()).isEqualTo("my_mae");
        Tensor x = tf.randomNormal(new int[] {4, 3});
        assertThat(loaded.predict(x).toFloatArray()).containsExactly(model.predict(x).toFloatArray());
    }

    @Test
    void anUnregisteredCustomLossCannotBeSaved() {
        Sequential model = sequential(layerDense(2).inputShape(3));
        model.compile("adam", dev.horn.keras.losses.Loss.of("secret", (t, p) -> tf.abs(tf.sub(p, t))));
        assertThatThrownBy(() -> saveModel(model, dir.resolve("x.keras"))).hasMessageContaining("custom loss 'secret'")
                .hasMessageContaining("not registered");
        assertThat(dir.resolve("x.keras")).doesNotExist();
    }

    @Test
    void optimizerSlotsAreSavedInKerasBuildOrderGroupByGroup() throws IOException {
        // Keras' RMSprop.build: all velocities, then all momentums, then all average gradients
        Sequential model = sequential(layerDense(3).inputShape(2), layerDense(1));
        model.compile(new dev.horn.optimizers.RMSprop().momentum(0.5).centered(true), "mse");
        model.fit(tf.randomNormal(new int[] {4, 2}), tf.randomNormal(new int[] {4, 1}), epochs(1), verbose(0));
        Path file = dir.resolve("r.keras");
        saveModel(model, file);
        Path h5 = dir.resolve("r.h5");
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
            Files.copy(in, h5);
        }
        List<String> shapes = new java.util.ArrayList<>();
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
            io.jhdf.api.Group vars = (io.jhdf.api.Group) f.getByPath("optimizer/vars");
            for (int i = 0; i < vars.getChildren().size(); i++) {
                shapes.add(java.util.Arrays.toString(((io.jhdf.api.Dataset) vars.getChild(Integer.toString(i))).getDimensions()));
            }
        }
        List<String> perVariable = List.of("[2, 3]", "[3]", "[3, 1]", "[1]");
        List<String> expected = new java.util.ArrayList<>(List.of("[]", "[]"));
        for (int group = 0; group < 3; group++) {
            expected.addAll(perVariable);
        }
        assertThat(shapes).containsExactlyElementsOf(expected);
        Model loaded = loadModel(file);
        assertThat(loaded.optimizer().slot(loaded.trainableVariables().get(2), "average_gradient").storedValue().toFloatArray())
                .containsExactly(model.optimizer().slot(model.trainableVariables().get(2), "average_gradient").storedValue().toFloatArray());
    }

    @Test
    void anEntryDeclaringAnAbsurdSizeIsRefusedBeforeReading() throws IOException {
        Sequential model = sequential(layerDense(2).inputShape(3));
        Path file = dir.resolve("m.keras");
        saveModel(model, file);
        // rewrite config.json's uncompressed size in the central directory to 4,000,000,000 bytes
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int i = 0; i + 46 < bytes.length && !patched; i++) {
            if (b.getInt(i) == 0x02014b50) {
                int nameLength = b.getShort(i + 28);
                String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (name.equals("config.json")) {
                    b.putInt(i + 24, (int) 4_000_000_000L);
                    patched = true;
                }
            }
        }
        assertThat(patched).isTrue();
        Path lying = dir.resolve("lying.keras");
        Files.write(lying, bytes);
        assertThatThrownBy(() -> loadModel(lying)).hasMessageContaining(lying.toString())
                .hasMessageContaining("\"config.json\" declares 4000000000 bytes");
    }

    @Test
    void aFileThatIsNotHdf5FailsNamingIt() throws IOException {
        Path junk = dir.resolve("junk.h5");
        Files.writeString(junk, "this is not an HDF5 file");
        assertThatThrownBy(() -> loadModelHdf5(junk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(junk.toString());
        Path empty = dir.resolve("weights-only.h5");
        sequential(layerDense(2).inputShape(3)).saveWeights(empty);
        assertThatThrownBy(() -> loadModelHdf5(empty)).hasMessageContaining("has no model_config");
    }

    @Test
    void anActivationWithNonDefaultArgumentsIsNotSavedUnderItsPlainName() {
        Sequential model = sequential(layerDense(2).inputShape(3).activation(dev.horn.keras.activations.Activations.relu(0.1)));
        assertThatThrownBy(() -> saveModel(model, dir.resolve("r.keras")))
                .hasMessageContaining("Cannot save activation 'relu' with non-default arguments");
    }

    @Test
    void aModelNestedAsALayerRoundTripsWithKerasNestedWeightGroups() throws IOException {
        Sequential inner = sequential(layerDense(4).activation("relu").inputShape(3), layerDense(2));
        Sequential outer = sequential(layerDense(3).inputShape(5), inner, layerDense(1));
        outer.compile("adam", "mse");
        outer.fit(tf.randomNormal(new int[] {8, 5}), tf.randomNormal(new int[] {8, 1}), epochs(1), verbose(0));
        Path file = dir.resolve("nested.keras");
        saveModel(outer, file);
        Path h5 = dir.resolve("nested.h5");
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
            Files.copy(in, h5);
        }
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(h5)) {
            assertThat(((io.jhdf.api.Dataset) f.getByPath("layers/sequential/layers/dense_1/vars/0")).getDimensions())
                    .containsExactly(4, 2);
        }
        Model loaded = loadModel(file);
        assertThat(loaded.layers().get(1)).isInstanceOf(Sequential.class);
        Tensor x = tf.randomNormal(new int[] {3, 5});
        assertThat(loaded.predict(x).toFloatArray()).containsExactly(outer.predict(x).toFloatArray());
    }

    @Test
    void optimizerStateThatDoesNotFitIsSkippedAndTheWeightsStillLoad() throws IOException {
        Sequential model = sequential(layerDense(2).inputShape(3));
        model.compile("adam", "mse");
        model.fit(tf.randomNormal(new int[] {4, 3}), tf.randomNormal(new int[] {4, 2}), epochs(1), verbose(0));
        Path file = dir.resolve("a.keras");
        saveModel(model, file);
        Path edited = dir.resolve("sgd.keras");
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e : List.of(in.getEntry("metadata.json"), in.getEntry("config.json"), in.getEntry("model.weights.h5"))) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("\"class_name\": \"Adam\"", "\"class_name\": \"SGD\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Model loaded = loadModel(edited);
        assertThat(loaded.optimizer()).isInstanceOf(dev.horn.optimizers.SGD.class);
        assertThat(loaded.optimizer().iterations().storedValue().toLongArray()).containsExactly(0L);
        assertThat(loaded.getWeights().getFirst().toFloatArray()).containsExactly(model.getWeights().getFirst().toFloatArray());
    }
}
