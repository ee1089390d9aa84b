package dev.horn.keras.callbacks;

import dev.horn.Variable;
import dev.horn.keras.callbacks.tensorboard.EventFile;
import dev.horn.keras.callbacks.tensorboard.Events;
import dev.horn.keras.callbacks.tensorboard.Histogram;
import dev.horn.keras.layers.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras' {@code TensorBoard} callback: event files under {@code logDir/train} and
 * {@code logDir/validation} with, per epoch, {@code epoch_<metric>} scalars (validation metrics
 * without their {@code val_} prefix, in the validation run) and {@code epoch_learning_rate};
 * with {@code updateFreq("batch")} or a number {@code n}, also {@code batch_<metric>} every n
 * batches at the global step; with {@code histogramFreq(n)}, every n-th epoch a histogram of
 * each weight ({@code dense/kernel_0}). {@code tensorboard --logdir logs} shows them.
 */
public final class TensorBoard extends Callback {
    private final Path logDir;
    private int histogramFreq;
    private int batchEvery;
    private EventFile train;
    private EventFile validation;
    private long batches;

    public TensorBoard(Path logDir) {
        this.logDir = logDir;
    }

    /** Every how many epochs to write weight histograms (0, the default: never). */
    public TensorBoard histogramFreq(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("TensorBoard: histogram_freq must be >= 0, got " + epochs);
        }
        histogramFreq = epochs;
        return this;
    }

    /** {@code "epoch"} (the default), {@code "batch"}, or an integer as text: write batch scalars that often. */
    public TensorBoard updateFreq(String freq) {
        batchEvery = switch (freq) {
            case "epoch" -> 0;
            case "batch" -> 1;
            default -> {
                try {
                    yield Integer.parseInt(freq);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("TensorBoard: update_freq must be \"epoch\", \"batch\" or a "
                            + "number of batches, got \"" + freq + "\"");
                }
            }
        };
        return this;
    }

    public TensorBoard updateFreq(int batchesBetweenWrites) {
        return updateFreq(Integer.toString(batchesBetweenWrites));
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        train = EventFile.create(logDir.resolve("train"));
        batches = model().optimizer().iterations().storedValue().toLongArray()[0];
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        batches++;
        if (batchEvery > 0 && batches % batchEvery == 0) {
            List<byte[]> values = new ArrayList<>();
            logs.forEach((k, v) -> values.add(Events.scalar("batch_" + k, v.floatValue())));
            train.write(Events.summary(now(), batches, values.toArray(byte[][]::new)));
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        List<byte[]> trainValues = new ArrayList<>();
        List<byte[]> validationValues = new ArrayList<>();
        logs.forEach((k, v) -> {
            if (k.startsWith("val_")) {
                validationValues.add(Events.scalar("epoch_" + k.substring(4), v.floatValue()));
            } else {
                trainValues.add(Events.scalar("epoch_" + k, v.floatValue()));
            }
        });
        trainValues.add(Events.scalar("epoch_learning_rate", (float) model().optimizer().currentLearningRate().item()));
        train.write(Events.summary(now(), epoch, trainValues.toArray(byte[][]::new)));
        if (!validationValues.isEmpty()) {
            if (validation == null) {
                validation = EventFile.create(logDir.resolve("validation"));
            }
            validation.write(Events.summary(now(), epoch, validationValues.toArray(byte[][]::new)));
        }
        if (histogramFreq > 0 && epoch % histogramFreq == 0) {
            List<byte[]> histograms = new ArrayList<>();
            for (Layer layer : model().layers()) {
                for (Variable w : layer.variables()) {
                    histograms.add(Events.histogram(w.name().replace(':', '_') + "_0",
                            Histogram.of(dev.horn.Tf.tf.cast(w.storedValue(), dev.horn.DType.FLOAT32).toFloatArray())));
                }
            }
            train.write(Events.summary(now(), epoch, histograms.toArray(byte[][]::new)));
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (train != null) {
            train.close();
        }
        if (validation != null) {
            validation.close();
        }
        train = null;
        validation = null;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
