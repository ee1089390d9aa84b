package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code fit}, {@code evaluate} and {@code predict}, with Keras' defaults:
 * batch size 32, 1 epoch, verbose 1, shuffle on, no validation. Filled by {@link FitArg}s.
 */
public final class FitConfig {
    Integer batchSize;
    int epochs = 1;
    Integer verbose;
    double validationSplit;
    Object validationX;
    Object validationY;
    Tensor validationSampleWeight;
    boolean shuffle = true;
    Map<Integer, Double> classWeight;
    Tensor sampleWeight;
    int initialEpoch;
    Integer stepsPerEpoch;
    Integer validationSteps;
    Integer steps;
    final List<Callback> callbacks = new ArrayList<>();

    public static FitConfig of(FitArg... args) {
        FitConfig c = new FitConfig();
        for (FitArg a : args) {
            a.applyTo(c);
        }
        return c;
    }

    public int batchSize() {
        return batchSize == null ? 32 : batchSize;
    }

    public int epochs() {
        return epochs;
    }

    /** The verbosity, or {@code fallback} when none was given (fit/evaluate 1, predict 0 as in R). */
    public int verbose(int fallback) {
        return verbose == null ? fallback : verbose;
    }

    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }
}
