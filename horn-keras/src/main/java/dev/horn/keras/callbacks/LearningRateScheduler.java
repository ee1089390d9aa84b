package dev.horn.keras.callbacks;

import dev.horn.optimizers.Optimizer;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Keras' {@code LearningRateScheduler}: at the start of each epoch sets the optimizer's learning
 * rate to {@code schedule(epoch, currentRate)} (epochs from 0), and records the rate under
 * {@code lr} in the epoch's logs, as Keras 2 does, so History keeps it.
 * {@snippet :
 * var halving = new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * 0.5);
 * }
 */
public final class LearningRateScheduler extends Callback {
    private final BiFunction<Integer, Double, Double> schedule;
    private final int verbose;

    public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule) {
        this(schedule, 0);
    }

    public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule, int verbose) {
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
        this.verbose = verbose;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        Optimizer optimizer = model().optimizer();
        if (Double.isNaN(optimizer.learningRate())) {
            throw new IllegalStateException("LearningRateScheduler: the optimizer's learning rate is a schedule "
                    + "already; it cannot also be set per epoch");
        }
        Double rate = schedule.apply(epoch, optimizer.learningRate());
        if (rate == null || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("LearningRateScheduler: the schedule returned " + rate + " at epoch "
                    + epoch + "; it must return a finite number");
        }
        optimizer.learningRate(rate);
        if (verbose > 0) {
            System.out.printf("%nEpoch %05d: LearningRateScheduler setting learning rate to %s.%n", epoch + 1,
                    PythonFloat.repr(rate));
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("lr", (double) (float) model().optimizer().learningRate());
    }
}
