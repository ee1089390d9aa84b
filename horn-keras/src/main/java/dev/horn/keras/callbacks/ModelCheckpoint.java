package dev.horn.keras.callbacks;

import java.nio.file.Path;
import java.util.Map;

/**
 * Keras' {@code ModelCheckpoint}: saves the weights after each epoch (or only when
 * {@code monitor} improves, with {@code saveBestOnly}); the path may name logs and the epoch,
 * {@code "checkpoints/weights.{epoch:02d}-{val_loss:.2f}.weights.h5"}. Every file is written to a
 * temporary file and moved into place, so a crash never leaves a half-written checkpoint.
 * Whole-model files ({@code .keras}) come with the model-saving format; until then this callback
 * saves weights only and says so when asked for more.
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
        if (!saveWeightsOnly && !filepath.endsWith(".weights.h5")) {
            throw new IllegalArgumentException("ModelCheckpoint: \"" + filepath + "\" asks for whole-model files, which "
                    + "Horn cannot write yet; save weights with saveWeightsOnly(true) or a path ending in .weights.h5");
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
        model().saveWeights(path);
    }

    /** Python's {@code f"{x:.5f}"}: {@code inf} rather than Java's {@code Infinity}. */
    private static String fixed5(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(java.util.Locale.ROOT, "%.5f", v);
    }
}
