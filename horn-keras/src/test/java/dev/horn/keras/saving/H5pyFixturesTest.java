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
    void aKeras2Hdf5FileWrittenByH5pyLoadsCompiledWithAFreshOptimizerAsKerasDoes() throws IOException {
        // its optimizer_weights are Keras 2's (iter, all m, all v, no learning rate): skipped with a warning
        Model m = loadModelHdf5(copy("h5py-keras2-model.h5"));
        checkWeights(m);
        assertThat(m.optimizer().iterations().storedValue().toLongArray()).containsExactly(0L);
        assertThat(m.loss().name()).isEqualTo("binary_crossentropy");
        assertThat(m.optimizer().getConfig().get("name")).isEqualTo("Adam");
    }
}
