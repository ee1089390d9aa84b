package dev.horn.keras.callbacks;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What {@code fit}, {@code evaluate} and {@code predict} print, as Keras 2's
 * {@code ProgbarLogger(count_mode="steps")}: the {@code Epoch 1/5} header (when there is more
 * than one epoch), a {@link Progbar} per epoch fed by the batch hooks at verbose 1, and the
 * final line with the validation values at the epoch's end. Inside {@code fit} the validation
 * pass is silent. The hooks are named as Keras' callback methods so a fit loop calls them in
 * Keras' order:
 * {@snippet :
 * var logger = ProgbarLogger.builder().statefulMetrics(List.of("loss", "accuracy")).build();
 * logger.setParams(1, epochs, stepsPerEpoch);   // verbose, epochs, steps
 * logger.onTrainBegin();
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     logger.onEpochBegin(epoch);
 *     for (int batch = 0; batch < stepsPerEpoch; batch++) {
 *         logger.onTrainBatchEnd(batch, runningMeans);         // {loss=..., accuracy=...}
 *     }
 *     logger.onEpochEnd(epoch, epochLogs);                     // with val_loss, val_accuracy
 * }
 * }
 */
public final class ProgbarLogger extends Callback {
    private final Appendable out;
    private final LongSupplier clock;
    private final Boolean dynamicDisplay;
    private final Set<String> statefulMetrics;

    private int verbose = 1;
    private int epochs = 1;
    private Integer target;
    private int seen;
    private Progbar progbar;
    private boolean calledInFit;

    private ProgbarLogger(Builder b) {
        this.out = b.out;
        this.clock = b.clock;
        this.dynamicDisplay = b.dynamicDisplay;
        this.statefulMetrics = new HashSet<>(b.statefulMetrics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The verbosity Keras' {@code verbose="auto"} should mean here: 1 (the bar) on a terminal,
     * 2 (one line per epoch) when the output goes to a file or a pipe, where a redrawn bar
     * would only be noise. (Keras 2 picks 2 only when interactive logging is switched off.)
     */
    public static int autoVerbose() {
        return Progbar.isTerminal() ? 1 : 2;
    }

    /** {@code Epoch 3/10} for the zero-based {@code epoch} 2 of 10, the header {@link #onEpochBegin} prints. */
    public static String epochHeader(int epoch, int epochs) {
        return "Epoch " + (epoch + 1) + "/" + epochs;
    }

    /** The run's parameters, as Keras' {@code params}: steps null when unknown (learnt at the end of the first epoch). */
    public void setParams(int verbose, int epochs, Integer steps) {
        this.verbose = verbose;
        this.epochs = epochs;
        this.target = steps;
    }

    /** Adds metric names whose values the bar shows as given (Keras adds the model's metrics, loss among them). */
    public void addStatefulMetrics(Collection<String> names) {
        statefulMetrics.addAll(names);
        if (progbar != null) {
            progbar.addStatefulMetrics(names);
        }
    }

    /** Whether the fit loop needs to call the batch hooks: only verbose 1 draws per batch. */
    public boolean wantsBatchHooks() {
        return verbose == 1;
    }

    /** The parameters {@code fit}, {@code evaluate} and {@code predict} hand every callback. */
    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        setParams((Integer) params.get("verbose"), (Integer) params.get("epochs"), (Integer) params.get("steps"));
    }

    /** Inside fit: the validation run that follows each epoch prints nothing. */
    public void onTrainBegin() {
        calledInFit = true;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        onTrainBegin();
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        onEpochBegin(epoch);
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        onTestBegin();
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        onPredictBegin();
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        onPredictBatchEnd(batch);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        onPredictEnd();
    }

    public void onEpochBegin(int epoch) {
        resetProgbar();
        maybeInitProgbar();
        if (verbose != 0 && epochs > 1) {
            write(epochHeader(epoch, epochs) + "\n");
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        batchUpdate(batch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        finish(logs);
    }

    public void onTestBegin() {
        if (!calledInFit) {
            resetProgbar();
            maybeInitProgbar();
        }
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        if (!calledInFit) {
            batchUpdate(batch, logs);
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        if (!calledInFit) {
            finish(logs);
        }
    }

    public void onPredictBegin() {
        resetProgbar();
        maybeInitProgbar();
    }

    /** Prediction results are not shown, only the progress. */
    public void onPredictBatchEnd(int batch) {
        batchUpdate(batch, null);
    }

    public void onPredictEnd() {
        finish(null);
    }

    private void resetProgbar() {
        seen = 0;
        progbar = null;
    }

    private void maybeInitProgbar() {
        if (progbar == null) {
            Progbar.Builder b = Progbar.builder().target(target).verbose(verbose).statefulMetrics(statefulMetrics)
                    .output(out).clock(clock);
            if (dynamicDisplay != null) {
                b.dynamicDisplay(dynamicDisplay);
            }
            progbar = b.build();
        }
    }

    private void batchUpdate(int batch, Map<String, Double> logs) {
        maybeInitProgbar();
        seen = batch + 1;
        if (verbose == 1) {
            progbar.update(seen, logs == null ? Map.of() : logs, false);
        }
    }

    private void finish(Map<String, Double> logs) {
        maybeInitProgbar();
        if (target == null) {
            target = seen; // Keras reads the model's step counter; the batches seen are the same count here
            if (target > 0) {
                progbar.setTarget(target);
            }
        }
        if (target > 0) {
            progbar.update(target, logs == null ? Map.of() : logs, true);
        }
    }

    private void write(String text) {
        try {
            out.append(text);
            if (out instanceof Flushable f) {
                f.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ProgbarLogger: cannot write", e);
        }
    }

    /** Where to print, which clock to read, and the metric names shown as given. */
    public static final class Builder {
        private Appendable out = System.out;
        private LongSupplier clock = System::nanoTime;
        private Boolean dynamicDisplay;
        private Set<String> statefulMetrics = Set.of();

        private Builder() {
        }

        public Builder output(Appendable out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        public Builder clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock);
            return this;
        }

        /** Redraw in place (a terminal) or print new lines; default: detect a terminal on System.out. */
        public Builder dynamicDisplay(boolean dynamic) {
            this.dynamicDisplay = dynamic;
            return this;
        }

        public Builder statefulMetrics(Collection<String> names) {
            this.statefulMetrics = Set.copyOf(names);
            return this;
        }

        public ProgbarLogger build() {
            return new ProgbarLogger(this);
        }
    }
}
