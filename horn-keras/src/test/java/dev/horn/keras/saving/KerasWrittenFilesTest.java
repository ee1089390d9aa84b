package dev.horn.keras.saving;

import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files Keras itself wrote (Keras 2.2.3 to 3.12.1; keras-written/README.md lists their sources),
 * loaded with the public API: each gives the parameter count of its weights and predicts, on
 * fixed inputs, every output as numpy computes it from the same file
 * (keras-written/expected_outputs.py), to 1e-5. The files are not committed here: they come from other repositories, so they are read
 * from the folder {@code shared/keras-written} above the working directory (or the system
 * property {@code horn.kerasWritten}); without it the test is skipped, saying so.
 */
class KerasWrittenFilesTest {
    private static final Map<String, Object> EXPECTED = expected();

    @BeforeEach
    void names() {
        Keras.clearSession();
    }

    static Stream<String> files() {
        return EXPECTED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void loadsAndPredictsAsNumpyDoesFromTheFilesWeights(String name) {
        Path file = folder().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "skipped: " + file + " is missing");
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) EXPECTED.get(name);
        // Keras 2 users saved legacy HDF5 under a .keras name; loadModel refuses it, as Keras 3 does
        boolean hdf5 = name.endsWith(".h5") || isHdf5(file);
        Model model = hdf5 ? loadModelHdf5(file) : loadModel(file);

        assertThat(model.countParams()).isEqualTo(((Number) expected.get("params")).longValue());
        List<Tensor> inputs = new java.util.ArrayList<>();
        List<?> shapes = (List<?>) expected.get("inputs");
        for (int k = 0; k < shapes.size(); k++) {
            int[] shape = ints(shapes.get(k));
            float[] x = new float[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(0.37 * i + 0.1 + k);
            }
            inputs.add(Tensor.of(x, shape));
        }
        List<Tensor> outputs = model.predictOutputs(inputs.size() == 1 ? inputs.getFirst() : inputs);
        List<?> want = (List<?>) expected.get("outputs");
        assertThat(outputs).hasSameSizeAs(want);
        for (int o = 0; o < want.size(); o++) {
            Map<?, ?> w = (Map<?, ?>) want.get(o);
            assertThat(outputs.get(o).shape().dims()).as(name + " output " + o).containsExactly(ints(w.get("shape")));
            float[] got = outputs.get(o).toFloatArray();
            List<?> values = (List<?>) w.get("values");
            for (int i = 0; i < got.length; i++) {
                double v = ((Number) values.get(i)).doubleValue();
                assertThat((double) got[i]).as(name + " output " + o + "[" + i + "]")
                        .isCloseTo(v, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(v))));
            }
        }
    }

    private static boolean isHdf5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4)[1] == 'H';
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(n -> ((Number) n).intValue()).toArray();
    }

    /** {@code shared/keras-written} in the working directory or a folder above it. */
    static Path folder() {
        String given = System.getProperty("horn.kerasWritten");
        if (given != null) {
            return Path.of(given);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("keras-written");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("shared", "keras-written");
    }

    private static Map<String, Object> expected() {
        try (InputStream in = KerasWrittenFilesTest.class.getResourceAsStream("keras-written/expected-outputs.json")) {
            return PyJson.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8), "expected-outputs.json");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
