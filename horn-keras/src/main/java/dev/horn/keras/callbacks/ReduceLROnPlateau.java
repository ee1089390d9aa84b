package dev.horn.keras.callbacks;

import dev.horn.optimizers.Optimizer;
import java.util.Map;

/**
 * Keras' {@code ReduceLROnPlateau}: multiplies the learning rate by {@code factor} when
 * {@code monitor} has not improved for {@code patience} epochs, waits {@code cooldown} epochs,
 * never goes below {@code minLr}. Defaults as Keras: factor 0.1, patience 10, min_delta 1e-4.
 * The current rate is added to the epoch's logs as {@code lr}, as Keras 2 does.
 */
public final class ReduceLROnPlateau extends Callback {
    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private int verbose;
    private String mode = "auto";
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private Monitor direction;
    private double best;
    private int wait;
    private int cooldownCounter;

    public ReduceLROnPlateau monitor(String value) { monitor = value; return this; }

    public ReduceLROnPlateau factor(double value) {
        if (value >= 1.0) {
            throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Got " + value);
        }
        factor = value;
        return this;
    }

    public ReduceLROnPlateau patience(int value) { patience = value; return this; }
    public ReduceLROnPlateau verbose(int value) { verbose = value; return this; }
    public ReduceLROnPlateau mode(String value) { Monitor.of(value, monitor); mode = value; return this; }
    public ReduceLROnPlateau minDelta(double value) { minDelta = value; return this; }
    public ReduceLROnPlateau cooldown(int value) { cooldown = value; return this; }
    public ReduceLROnPlateau minLr(double value) { minLr = value; return this; }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        direction = Monitor.of(mode, monitor);
        best = direction.worst();
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Optimizer optimizer = model().optimizer();
        logs.put("lr", optimizer.learningRate());
        Double current = logs.get(monitor);
        if (current == null) {
            System.err.println("WARNING: Learning rate reduction is conditioned on metric `" + monitor
                    + "` which is not available. Available metrics are: " + String.join(",", logs.keySet()));
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (direction.improves(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter == 0) {
            wait++;
            if (wait >= patience) {
                double old = optimizer.learningRate();
                if (old > minLr) {
                    double next = Math.max(old * factor, minLr);
                    optimizer.learningRate(next);
                    if (verbose > 0) {
                        System.out.println("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                                + PythonFloat.repr((float) next) + ".");
                    }
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }
}
