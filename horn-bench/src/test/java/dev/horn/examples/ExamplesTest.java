package dev.horn.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example scripts run as a user runs them: the JDK's source launcher with Horn on the
 * class path (what {@code ./horn run} does), in a fresh directory, checked by what they print.
 */
@Tag("slow")
class ExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path workDir;

    private String run(String script) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xmn256m", "-cp", System.getProperty("java.class.path"),
                ROOT.resolve(script).toString()));
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void linearRegressionConverges() throws Exception {
        String out = run("examples/core/LinearRegression.java");
        Matcher m = Pattern.compile("200 - W: (\\S+) b: (\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void mnistMlpReachesTheSeedsAccuracy() throws Exception {
        String out = run("examples/keras/MnistMlp.java");
        assertThat(out).contains("Total params: 407,050", "Epoch 5/5", "Final epoch (plot to see history):");
        Matcher m = Pattern.compile("test accuracy: (\\d\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as(out).isGreaterThanOrEqualTo(0.978);
        assertThat(workDir.resolve("mnist-mlp-history.png")).isNotEmptyFile();
        assertThat(Files.readAllBytes(workDir.resolve("mnist-mlp-history.png"))).startsWith((byte) 0x89, (byte) 'P');
    }

    @Test
    void imdbLstmLearnsTheSyntheticSentiment() throws Exception {
        String out = run("examples/keras/ImdbLstm.java");
        assertThat(out).contains("lstm (LSTM)", "8320", "Total params: 328,353", "Epoch 3/3");
        Matcher m = Pattern.compile("test accuracy: (\\d\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as(out).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void mnistCnnPassesNinetyEightPointEightPercentInThreeEpochs() throws Exception {
        String out = run("examples/keras/MnistCnn.java");
        assertThat(out).contains("Total params: 1,199,882", "Epoch 3/3");
        Matcher m = Pattern.compile("test accuracy: (\\d\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as(out).isGreaterThanOrEqualTo(0.988);
    }
}
