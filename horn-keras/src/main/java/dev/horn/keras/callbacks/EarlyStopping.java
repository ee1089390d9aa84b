package dev.horn.keras.callbacks;

import dev.horn.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Keras' {@code EarlyStopping}: stops training when {@code monitor} (default {@code val_loss})
 * has not improved by more than {@code minDelta} for {@code patience} epochs; optionally puts
 * back the weights of the best epoch. Defaults as Keras: patience 0, min_delta 0, mode auto.
 */
public final class EarlyStopping extends Callback {
    private String monitor = "val_loss";
    private double minDelta;
    private int patience;
    private int verbose;
    private String mode = "auto";
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;

    private Monitor direction;
    private int wait;
    private int stoppedEpoch;
    private double best;
    private int bestEpoch;
    private List<Tensor> bestWeights;

    public EarlyStopping monitor(String value) { monitor = value; return this; }
    public EarlyStopping minDelta(double value) { minDelta = value; return this; }
    public EarlyStopping patience(int value) { patience = value; return this; }
    public EarlyStopping verbose(int value) { verbose = value; return this; }
    public EarlyStopping mode(String value) { Monitor.of(value, monitor); mode = value; return this; }
    public EarlyStopping baseline(double value) { baseline = value; return this; }
    public EarlyStopping restoreBestWeights(boolean value) { restoreBestWeights = value; return this; }
    public EarlyStopping startFromEpoch(int value) { startFromEpoch = value; return this; }

    /** The epoch (0-based) at which training was stopped, 0 when it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        direction = Monitor.of(mode, monitor);
        wait = 0;
        stoppedEpoch = 0;
        best = direction.worst();
        bestWeights = null;
        bestEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = logs.get(monitor);
        if (current == null) {
            System.err.println("WARNING: Early stopping conditioned on metric `" + monitor + "` which is not available. "
                    + "Available metrics are: " + String.join(",", logs.keySet()));
            return;
        }
        if (epoch < startFromEpoch) {
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model().getWeights();
        }
        wait++;
        if (direction.improves(current, best, minDelta)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model().getWeights();
            }
            if (baseline == null || direction.improves(current, baseline, minDelta)) {
                wait = 0;
                return;
            }
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().setStopTraining(true);
            if (restoreBestWeights && bestWeights != null) {
                if (verbose > 0) {
                    System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
                }
                model().setWeights(bestWeights);
            }
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) {
            System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        }
    }
}
