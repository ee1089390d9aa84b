package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.callbacks.CallbackList;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.callbacks.ProgbarLogger;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.models.Model;
import dev.horn.random.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.horn.Tf.tf;

/**
 * The loops of {@code fit}, {@code evaluate} and {@code predict}: batches in, compiled steps
 * run, running means and metric results out to the callbacks, Keras' order of events.
 */
public final class Trainer {
    private final Model model;
    private final CompiledModel compiled;

    public Trainer(Model model, CompiledModel compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    public History fit(Tensor x, Tensor y, FitConfig config) {
        TrainingData data = new TrainingData(x, y, config.sampleWeight, "fit");
        if (y == null) {
            throw new IllegalArgumentException("fit: y (the targets) is missing");
        }
        TrainingData validation = null;
        if (config.validationX != null) {
            validation = new TrainingData(config.validationX, config.validationY, config.validationSampleWeight,
                    "fit (validation_data)");
        } else if (config.validationSplit > 0) {
            TrainingData[] parts = data.splitLast(config.validationSplit);
            data = parts[0];
            validation = parts[1];
        }
        data = data.withClassWeight(config.classWeight);
        model.buildFor(data.x.shape());
        if (config.initialEpoch > config.epochs) {
            throw new IllegalArgumentException("initial_epoch (" + config.initialEpoch + ") is after epochs ("
                    + config.epochs + ")");
        }

        int batchSize = config.batchSize();
        int steps = config.stepsPerEpoch != null ? config.stepsPerEpoch : ceilDiv(data.rows, batchSize);
        int verbose = config.verbose(ProgbarLogger.autoVerbose());
        History history = new History();
        CallbackList callbacks = callbackList(config, verbose, history, progbar(), RunRecorders.onFit(model, data.rows,
                validation == null ? 0 : validation.rows, batchSize, config.epochs));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("verbose", verbose);
        params.put("epochs", config.epochs);
        params.put("steps", steps);
        callbacks.setModel(model);
        callbacks.setParams(params);
        history.setParams(params);

        SplittableRandom random = shuffleRandom();
        model.setStopTraining(false);
        callbacks.onTrainBegin(new LinkedHashMap<>());
        Map<String, Double> epochLogs = new LinkedHashMap<>();
        int position = 0;
        int[] order = identity(data.rows);
        for (int epoch = config.initialEpoch; epoch < config.epochs; epoch++) {
            resetMetrics();
            callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
            if (config.stepsPerEpoch == null) {
                position = 0;
                order = config.shuffle ? permutation(data.rows, random) : order;
            }
            double lossSum = 0;
            long seen = 0;
            Map<String, Double> logs = new LinkedHashMap<>();
            for (int step = 0; step < steps; step++) {
                if (position >= data.rows) {
                    position = 0;
                    order = config.shuffle ? permutation(data.rows, random) : order;
                }
                int end = Math.min(position + batchSize, data.rows);
                callbacks.onTrainBatchBegin(step, new LinkedHashMap<>());
                Tensor batchLoss = compiled.trainStep.callMany(data.batch(order, position, end))[0];
                int n = end - position;
                position = end;
                double value = batchLoss.item();
                lossSum += value * n;
                seen += n;
                logs = resultLogs(lossSum / seen);
                callbacks.onTrainBatchEnd(step, logs);
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    if (model.stopTraining()) {
                        break;
                    }
                    throw new IllegalStateException("fit: the loss became " + value + " at epoch " + (epoch + 1)
                            + ", batch " + (step + 1) + " of model \"" + model.name() + "\"; its weights are no longer "
                            + "finite. Lower the learning rate, check the inputs and targets for NaN or infinite values, "
                            + "or add callbackTerminateOnNaN() to stop quietly instead");
                }
                if (model.stopTraining()) {
                    break;
                }
            }
            epochLogs = new LinkedHashMap<>(logs);
            if (validation != null) {
                int valSteps = config.validationSteps != null ? config.validationSteps : ceilDiv(validation.rows, batchSize);
                Map<String, Double> valLogs = runTest(validation, batchSize, valSteps, new CallbackList(List.of()));
                for (Map.Entry<String, Double> e : valLogs.entrySet()) {
                    epochLogs.put("val_" + e.getKey(), e.getValue());
                }
            }
            callbacks.onEpochEnd(epoch, epochLogs);
            if (model.stopTraining()) {
                break;
            }
        }
        callbacks.onTrainEnd(epochLogs);
        return history;
    }

    public Map<String, Double> evaluate(Tensor x, Tensor y, FitConfig config) {
        if (y == null) {
            throw new IllegalArgumentException("evaluate: y (the targets) is missing");
        }
        TrainingData data = new TrainingData(x, y, config.sampleWeight, "evaluate");
        model.buildFor(data.x.shape());
        int steps = config.steps != null ? config.steps : ceilDiv(data.rows, config.batchSize());
        CallbackList callbacks = singlePassCallbacks(config, config.verbose(ProgbarLogger.autoVerbose()), steps);
        return RunRecorders.evaluated(model, runTest(data, config.batchSize(), steps, callbacks));
    }

    private Map<String, Double> runTest(TrainingData data, int batchSize, int steps, CallbackList callbacks) {
        resetMetrics();
        callbacks.onTestBegin(new LinkedHashMap<>());
        int[] order = identity(data.rows);
        double lossSum = 0;
        long seen = 0;
        Map<String, Double> logs = new LinkedHashMap<>();
        for (int step = 0; step < steps && step * (long) batchSize < data.rows; step++) {
            int from = step * batchSize;
            int end = Math.min(from + batchSize, data.rows);
            callbacks.onTestBatchBegin(step, new LinkedHashMap<>());
            double value = compiled.testStep.callMany(data.batch(order, from, end))[0].item();
            lossSum += value * (end - from);
            seen += end - from;
            logs = resultLogs(lossSum / seen);
            callbacks.onTestBatchEnd(step, logs);
        }
        callbacks.onTestEnd(logs);
        return logs;
    }

    public Tensor predict(Tensor x, FitConfig config) {
        TrainingData data = new TrainingData(x, null, null, "predict");
        model.buildFor(data.x.shape());
        int batchSize = config.batchSize();
        int steps = config.steps != null ? config.steps : ceilDiv(data.rows, batchSize);
        CallbackList callbacks = singlePassCallbacks(config, config.verbose(0), steps);
        callbacks.onPredictBegin(new LinkedHashMap<>());
        int[] order = identity(data.rows);
        List<Tensor> outputs = new ArrayList<>();
        for (int step = 0; step < steps && step * (long) batchSize < data.rows; step++) {
            int from = step * batchSize;
            int end = Math.min(from + batchSize, data.rows);
            callbacks.onPredictBatchBegin(step, new LinkedHashMap<>());
            outputs.add(compiled.predictStep.call(data.batch(order, from, end)[0]));
            callbacks.onPredictBatchEnd(step, new LinkedHashMap<>());
        }
        callbacks.onPredictEnd(new LinkedHashMap<>());
        return outputs.size() == 1 ? outputs.getFirst() : tf.concat(outputs, 0);
    }

    /** One compiled train step on one batch, metrics reset first (Keras' {@code train_on_batch}). */
    public Map<String, Double> trainOnBatch(Tensor x, Tensor y, Tensor sampleWeight) {
        return oneBatch(compiled.trainStep, x, y, sampleWeight, "train_on_batch");
    }

    public Map<String, Double> testOnBatch(Tensor x, Tensor y, Tensor sampleWeight) {
        return oneBatch(compiled.testStep, x, y, sampleWeight, "test_on_batch");
    }

    private Map<String, Double> oneBatch(dev.horn.graph.Function step, Tensor x, Tensor y, Tensor sampleWeight,
                                         String what) {
        TrainingData data = new TrainingData(x, y, sampleWeight, what);
        model.buildFor(data.x.shape());
        resetMetrics();
        return resultLogs(step.callMany(data.batch(identity(data.rows), 0, data.rows))[0].item());
    }

    private Map<String, Double> resultLogs(double loss) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", loss);
        for (Metric m : compiled.metrics) {
            logs.put(m.name(), m.result().item());
        }
        return logs;
    }

    private void resetMetrics() {
        for (Metric m : compiled.metrics) {
            m.resetState();
        }
    }

    /** The callbacks of one pass over the data (evaluate, predict): the progress bar when verbose, then the user's. */
    private CallbackList singlePassCallbacks(FitConfig config, int verbose, int steps) {
        List<Callback> list = new ArrayList<>();
        if (verbose > 0) {
            list.add(progbar());
        }
        list.addAll(config.callbacks());
        CallbackList callbacks = new CallbackList(list);
        callbacks.setModel(model);
        callbacks.setParams(Map.of("verbose", verbose, "epochs", 1, "steps", steps));
        return callbacks;
    }

    /** Keras 2's fit shows the logs as given (running means), so loss and every metric are stateful to the bar. */
    private ProgbarLogger progbar() {
        List<String> names = new ArrayList<>();
        names.add("loss");
        for (Metric m : compiled.metrics) {
            names.add(m.name());
        }
        return ProgbarLogger.builder().statefulMetrics(names).build();
    }

    private static CallbackList callbackList(FitConfig config, int verbose, History history, ProgbarLogger progbar,
                                             List<Callback> recorders) {
        List<Callback> list = new ArrayList<>();
        if (verbose > 0) {
            list.add(progbar);
        }
        list.addAll(config.callbacks());
        list.add(history);
        list.addAll(recorders);
        return new CallbackList(list);
    }

    /** Shuffling follows Horn's global seed when one is set, so seeded runs repeat exactly. */
    private static SplittableRandom shuffleRandom() {
        Long seed = Seeds.global();
        return seed == null ? new SplittableRandom() : new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 1);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
