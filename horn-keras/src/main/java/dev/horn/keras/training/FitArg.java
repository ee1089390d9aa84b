package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.Callback;
import java.util.List;
import java.util.Map;

/**
 * One named argument of {@code fit}/{@code evaluate}/{@code predict}, as R's keras writes them:
 * {@code model.fit(x, y, epochs(5), batchSize(128), validationSplit(0.2))}. Each factory checks
 * its value at once and names the argument when it is wrong.
 */
@FunctionalInterface
public interface FitArg {
    void applyTo(FitConfig config);

    static FitArg batchSize(int value) {
        positive("batch_size", value);
        return c -> c.batchSize = value;
    }

    static FitArg epochs(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + value);
        }
        return c -> c.epochs = value;
    }

    /** 0 = silent, 1 = progress bar, 2 = one line per epoch. */
    static FitArg verbose(int value) {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + value);
        }
        return c -> c.verbose = value;
    }

    /** The last {@code fraction} of the samples (before shuffling, as Keras) held out for validation. */
    static FitArg validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation_split must be in [0, 1), got " + fraction);
        }
        return c -> c.validationSplit = fraction;
    }

    static FitArg validationData(Tensor x, Tensor y) {
        return c -> {
            c.validationX = x;
            c.validationY = y;
        };
    }

    /** Validation inputs and targets for a model of several inputs or outputs: lists, or maps keyed by layer names. */
    static FitArg validationData(Object x, Object y) {
        return c -> {
            c.validationX = x;
            c.validationY = y;
        };
    }

    static FitArg validationData(Tensor x, Tensor y, Tensor sampleWeight) {
        return c -> {
            c.validationX = x;
            c.validationY = y;
            c.validationSampleWeight = sampleWeight;
        };
    }

    static FitArg shuffle(boolean value) {
        return c -> c.shuffle = value;
    }

    /** Weights per class index, multiplying each sample's loss (Keras' {@code class_weight}). */
    static FitArg classWeight(Map<Integer, Double> weights) {
        Map<Integer, Double> copy = Map.copyOf(weights);
        return c -> c.classWeight = copy;
    }

    /** One weight per training sample, shape (samples,). */
    static FitArg sampleWeight(Tensor weights) {
        return c -> c.sampleWeight = weights;
    }

    /** The epoch to start from (to resume training); epochs counts up to {@code epochs}. */
    static FitArg initialEpoch(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("initial_epoch must be >= 0, got " + value);
        }
        return c -> c.initialEpoch = value;
    }

    static FitArg stepsPerEpoch(int value) {
        positive("steps_per_epoch", value);
        return c -> c.stepsPerEpoch = value;
    }

    static FitArg validationSteps(int value) {
        positive("validation_steps", value);
        return c -> c.validationSteps = value;
    }

    /** Batches to run in {@code evaluate}/{@code predict}. */
    static FitArg steps(int value) {
        positive("steps", value);
        return c -> c.steps = value;
    }

    static FitArg callbacks(Callback... callbacks) {
        List<Callback> list = List.of(callbacks);
        return c -> c.callbacks.addAll(list);
    }

    static FitArg callbacks(List<? extends Callback> callbacks) {
        List<Callback> list = List.copyOf(callbacks);
        return c -> c.callbacks.addAll(list);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive integer, got " + value);
        }
    }
}
