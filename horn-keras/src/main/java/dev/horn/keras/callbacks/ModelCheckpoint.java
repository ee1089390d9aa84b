package dev.horn.keras.callbacks;

import java.nio.file.Path;
import java.util.Map;

/**
 * Keras' {@code ModelCheckpoint}: saves the weights after each epoch (or only when
 * {@code monitor} improves, with {@code saveBestOnly}); the path may name logs and the epoch,
 * {@code "checkpoints/weights.{epoch:02d}-{val_loss:.2f}.weights.h5"}. Every file is written to a
 * temporary file and moved into place, so a crash never leaves a half-written checkpoint.
 * As in Keras 3 the file name picks the format: {@code .weights.h5} weights (and optimizer
 * state), {@code .keras} the whole model, {@code .h5} Keras 2's whole-model HDF5 file;
 * {@code saveWeightsOnly(true)} asks for a {@code .weights.h5} name.
 */
public final class ModelCheckpoint extends Callback {
    private final String filepath;
    private String monitor = "val_loss";
    private int verbose;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private String mode = "auto";
    private Monitor direction;
    private double best;

    public ModelCheckpoint(String filepath) {
        this.filepath = filepath;
    }

    public ModelCheckpoint(Path filepath) {
        this(filepath.toString());
    }

    public ModelCheckpoint monitor(String value) { monitor = value; return this; }
    public ModelCheckpoint verbose(int value) { verbose = value; return this; }
    public ModelCheckpoint saveBestOnly(boolean value) { saveBestOnly = value; return this; }
    public ModelCheckpoint saveWeightsOnly(boolean value) { saveWeightsOnly = value; return this; }
    public ModelCheckpoint mode(String value) { Monitor.of(value, monitor); mode = value; return this; }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        if (saveWeightsOnly && !filepath.endsWith(".weights.h5")) {
            throw new IllegalArgumentException("ModelCheckpoint: when using `saveWeightsOnly(true)` the filepath must end "
                    + "in `.weights.h5`; received: \"" + filepath + "\"");
        }
        if (!filepath.endsWith(".weights.h5") && !filepath.endsWith(".keras") && !filepath.endsWith(".h5")) {
            throw new IllegalArgumentException("ModelCheckpoint: the filepath must end in `.keras` (whole model), "
                    + "`.h5` (Keras 2 whole model) or `.weights.h5` (weights); received: \"" + filepath + "\"");
        }
        direction = Monitor.of(mode, monitor);
        if (best == 0 || Double.isNaN(best)) {
            best = direction.worst();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Path path = Path.of(FilepathTemplate.format(filepath, epoch + 1, logs));
        if (saveBestOnly) {
            Double current = logs.get(monitor);
            if (current == null) {
                System.err.println("WARNING: Can save best model only with " + monitor + " available, skipping.");
                return;
            }
            if (!direction.improves(current, best, 0)) {
                if (verbose > 0) {
                    System.out.println("\nEpoch " + (epoch + 1) + ": " + monitor + " did not improve from "
                            + fixed5(best));
                }
                return;
            }
            if (verbose > 0) {
                System.out.println("\nEpoch " + (epoch + 1) + ": " + monitor + " improved from "
                        + fixed5(best) + " to "
                        + fixed5(current) + ", saving model to " + path);
            }
            best = current;
        } else if (verbose > 0) {
            System.out.println("\nEpoch " + (epoch + 1) + ": saving model to " + path);
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".weights.h5")) {
            model().saveWeights(path);
        } else if (name.endsWith(".keras")) {
            dev.horn.keras.saving.KerasArchive.save(model(), path);
        } else {
            dev.horn.keras.saving.LegacyH5.save(model(), path);
        }
    }

    /** Python's {@code f"{x:.5f}"}: {@code inf} rather than Java's {@code Infinity}. */
    private static String fixed5(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(java.util.Locale.ROOT, "%.5f", v);
    }
}
