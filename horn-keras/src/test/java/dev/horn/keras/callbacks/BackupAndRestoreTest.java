package dev.horn.keras.callbacks;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Sequential;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training JVM is killed (SIGKILL) in the middle of an epoch; a new JVM with the same script
 * resumes after the last completed epoch and ends with the weights of an uninterrupted run.
 */
class BackupAndRestoreTest {
    static final int EPOCHS = 5;

    @TempDir
    Path dir;

    /** The training script both JVMs run: fixed seed, dropout, Adam, shuffling, a backup each epoch. */
    static Sequential train(Path backupDir, Callback probe) {
        Keras.clearSession();
        Horn.setSeed(21);
        Tensor x = tf.randomNormal(new int[] {64, 5});
        Tensor y = tf.randomNormal(new int[] {64, 1});
        Sequential model = sequential(layerDense(16).activation("relu").inputShape(5), layerDropout(0.2), layerDense(1));
        model.compile(optimizerAdam(0.01), "mse");
        List<Callback> cbs = new ArrayList<>();
        if (backupDir != null) {
            cbs.add(new BackupAndRestore(backupDir));
        }
        if (probe != null) {
            cbs.add(probe);
        }
        model.fit(x, y, epochs(EPOCHS), batchSize(8), verbose(0), callbacks(cbs));
        return model;
    }

    /** The child JVM: trains, reporting each epoch and batch on stdout, slowly enough to be killed mid-epoch. */
    public static void main(String[] args) {
        Path backup = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Sequential model = train(backup, new Callback() {
            @Override
            public void onEpochBegin(int epoch, java.util.Map<String, Double> logs) {
                System.out.println("epoch " + epoch);
            }

            @Override
            public void onTrainBatchEnd(int batch, java.util.Map<String, Double> logs) {
                System.out.println("batch " + batch);
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        model.saveWeights(out);
        System.out.println("done");
    }

    private static Process child(Path backup, Path out) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-javaagent") && !a.startsWith("-agentlib")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BackupAndRestoreTest.class.getName());
        cmd.add(backup.toString());
        cmd.add(out.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void aKilledRunResumesAfterItsLastEpochAndEndsAsAStraightRun() throws Exception {
        Path backup = dir.resolve("backup");
        Path out = dir.resolve("final.weights.h5");

        Process first = child(backup, out);
        List<String> firstLines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                firstLines.add(line);
                if (line.equals("epoch 2")) {
                    // let epoch 2 get under way, then kill without warning
                    for (int i = 0; i < 3; i++) {
                        firstLines.add(r.readLine());
                    }
                    first.destroyForcibly();
                    break;
                }
            }
        }
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(firstLines).as("first run output").contains("epoch 2").doesNotContain("done");
        assertThat(Files.readString(backup.resolve("backup.json"))).contains("\"epoch\": 1");

        Process second = child(backup, out);
        List<String> secondLines = new String(second.getInputStream().readAllBytes()).lines().toList();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(String.join("\n", secondLines)).isZero();
        assertThat(secondLines.stream().filter(l -> l.startsWith("epoch")).toList())
                .containsExactly("epoch 2", "epoch 3", "epoch 4");
        assertThat(backup.resolve("backup.json")).doesNotExist();

        Sequential straight = train(null, null);
        Sequential resumed = sequential(layerDense(16).activation("relu").inputShape(5), layerDropout(0.2), layerDense(1));
        resumed.loadWeights(out);
        for (int i = 0; i < straight.getWeights().size(); i++) {
            assertThat(resumed.getWeights().get(i).toFloatArray()).as("weight " + i)
                    .containsExactly(straight.getWeights().get(i).toFloatArray());
        }
    }
}
