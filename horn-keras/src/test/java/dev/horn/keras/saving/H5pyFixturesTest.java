package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Files written the way Keras writes them, by the libraries Keras uses (h5py on libhdf5 and
 * Python's zipfile; see make_h5py_fixtures.py beside the fixtures): libhdf5's group layout and
 * variable-length string attributes, Keras' interleaved optimizer slots, Keras 2's byte-string
 * name lists.
 */
class H5pyFixturesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void names() {
        Keras.clearSession();
    }

    private Path copy(String resource) throws IOException {
        Path p = dir.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The fixture script's values: ((i + offset) % 17) / 40 - 0.2 in float32. */
    private static float[] expected(int size, int offset) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = ((float) ((i + offset) % 17)) / 40f - 0.2f;
        }
        return v;
    }

    private static void checkWeights(Model m) {
        int[][] sizes = {{96, 12}, {96, 8}, {8, 1}};
        List<Tensor> w = m.getWeights();
        for (int layer = 0; layer < 3; layer++) {
            for (int j = 0; j < 2; j++) {
                assertThat(w.get(2 * layer + j).toFloatArray()).as("layer " + layer + " weight " + j)
                        .containsExactly(expected(sizes[layer][j], 3 * layer + j));
            }
        }
        Tensor x = Tensor.of(new float[] {-0.5f, -0.4f, -0.3f, -0.2f, -0.1f, 0f, 0.1f, 0.2f,
                0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f}, 2, 8);
        float[] p = m.predict(x).toFloatArray();
        assertThat((double) p[0]).isCloseTo(0.4986875057220459, within(1e-6)); // numpy, in the fixture script
        assertThat((double) p[1]).isCloseTo(0.5018218755722046, within(1e-6));
    }

    @Test
    void aKeras3ArchiveWrittenByH5pyLoadsWithItsOptimizerState() throws IOException {
        Model m = loadModel(copy("h5py-keras3-model.keras"));
        checkWeights(m);
        assertThat(m.optimizer().iterations().storedValue().toLongArray()).containsExactly(7L);
        // slot k of the file: momentum 0.01 k, velocity 0.001 k, interleaved per variable
        var kernel0 = m.trainableVariables().getFirst();
        assertThat(m.optimizer().slot(kernel0, "momentum").storedValue().toFloatArray()[0]).isEqualTo(0.02f);
        assertThat(m.optimizer().slot(kernel0, "velocity").storedValue().toFloatArray()[0]).isEqualTo(0.002f);
        var bias2 = m.trainableVariables().get(5);
        assertThat(m.optimizer().slot(bias2, "momentum").storedValue().toFloatArray()[0]).isEqualTo(0.12f);
    }

    @Test
    void aKeras2Hdf5FileWrittenByH5pyLoadsWithItsOptimizerStateMatchedByName() throws IOException {
        // optimizer_weights as tf.keras <= 2.10 wrote them (iter, hyperparameters, all m, all v, no learning-rate
        // variable): Keras 3 gives up on them and starts afresh; Horn matches them by name
        Model m = loadModelHdf5(copy("h5py-keras2-model.h5"));
        checkWeights(m);
        assertThat(m.optimizer().iterations().storedValue().toLongArray()).containsExactly(7L);
        assertThat(m.loss().name()).isEqualTo("binary_crossentropy");
        assertThat(m.optimizer().getConfig().get("name")).isEqualTo("Adam");
        var vars = m.trainableVariables();
        assertThat(m.optimizer().slot(vars.getFirst(), "momentum").storedValue().toFloatArray()[0]).isEqualTo(0.01f);
        assertThat(m.optimizer().slot(vars.get(5), "momentum").storedValue().toFloatArray()[0]).isEqualTo(0.06f);
        assertThat(m.optimizer().slot(vars.get(5), "velocity").storedValue().toFloatArray()[0]).isEqualTo(0.006f);
        assertThat(m.optimizer().getConfig().get("learning_rate")).isEqualTo(0.0010000000474974513);
    }

    @Test
    void aKeras212Hdf5FileUnderAKerasNameLoadsWithLoadModelHdf5AsPdiotsDoes() throws IOException {
        Path file = copy("h5py-keras212-lstm-bn.keras");
        assertThatThrownBy(() -> loadModel(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an HDF5 file, not a .keras zip").hasMessageContaining("loadModelHdf5");
        Model m = loadModelHdf5(file);
        assertThat(m.countParams()).isEqualTo(8 * 3 + 8 * 2 + 8 + 4 * 2 + 8 * 2 + 2);
        assertThat(m.optimizer().getClass().getSimpleName()).isEqualTo("Adam"); // "Custom>Adam"
        assertThat(m.metrics().stream().map(dev.horn.keras.metrics.Metric::name).toList()).containsExactly("accuracy");
        // the 2.11+ layout: iteration, then Adam/m/<variable> and Adam/v/<variable> interleaved
        assertThat(m.optimizer().iterations().storedValue().toLongArray()).containsExactly(5L);
        var vars = m.trainableVariables();
        assertThat(m.optimizer().slot(vars.getFirst(), "momentum").storedValue().toFloatArray()[0]).isEqualTo(0.01f);
        assertThat(m.optimizer().slot(vars.get(6), "velocity").storedValue().toFloatArray()[0]).isEqualTo(0.007f);
        float[] x = new float[2 * 4 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.37 * i + 0.1);
        }
        float[] p = m.predict(Tensor.of(x, 2, 4, 3)).toFloatArray();
        double[] numpy = {0.491787342569148, 0.508212657430852, 0.4918884757682591, 0.5081115242317409}; // the script's
        for (int i = 0; i < numpy.length; i++) {
            assertThat((double) p[i]).isCloseTo(numpy[i], within(1e-6));
        }
    }

    @Test
    void aKeras215ArchiveWrittenOnWindowsFindsItsBackslashedGroups() throws IOException {
        // groups named "layers\\dense" as os.path.join wrote them; Keras 2.15's optimizer variables (no learning rate)
        Model m = loadModel(copy("h5py-keras215-windows.keras"));
        checkWeights(m);
        assertThat(m.optimizer().iterations().storedValue().toLongArray()).containsExactly(0L); // skipped, with a warning
    }
}
