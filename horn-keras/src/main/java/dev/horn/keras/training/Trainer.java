package dev.horn.keras.training;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.callbacks.CallbackList;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.callbacks.ProgbarLogger;
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

    /** x and y: a tensor, a list of tensors in the model's input/output order, or a map keyed by their names. */
    public History fit(Object x, Object y, FitConfig config) {
        if (y == null) {
            throw new IllegalArgumentException("fit: y (the targets) is missing");
        }
        TrainingData data = data(x, y, config.sampleWeight, "fit");
        TrainingData validation = null;
        if (config.validationX != null) {
            validation = data(config.validationX, config.validationY, config.validationSampleWeight,
                    "fit (validation_data)");
        } else if (config.validationSplit > 0) {
            TrainingData[] parts = data.splitLast(config.validationSplit);
            data = parts[0];
            validation = parts[1];
        }
        data = data.withClassWeight(config.classWeight);
        model.buildFor(data.inputShapes());
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

        SplittableRandom random = shuffleRandom(null);
        model.setStopTraining(false);
        callbacks.onTrainBegin(new LinkedHashMap<>());
        Map<String, Double> epochLogs = new LinkedHashMap<>();
        int position = 0;
        int[] order = identity(data.rows);
        int startEpoch = callbacks.startEpoch(config.initialEpoch);
        if (Seeds.global() != null && config.stepsPerEpoch != null && startEpoch > 0) {
            // epochs end mid-pass: a resumed fit continues the pass a straight run would be in
            long stepsDone = compiled.optimizer.iterations().storedValue().toLongArray()[0];
            for (long done = 0; done < stepsDone; done += steps) {
                SplittableRandom epochRandom = shuffleRandom(done);
                for (long step = done; step < Math.min(done + steps, stepsDone); step++) {
                    if (position >= data.rows) {
                        position = 0;
                        order = config.shuffle ? permutation(data.rows, epochRandom) : order;
                    }
                    position = Math.min(position + batchSize, data.rows);
                }
            }
        }
        for (int epoch = startEpoch; epoch < config.epochs; epoch++) {
            resetMetrics();
            callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
            if (Seeds.global() != null) {
                // the epoch's shuffle and dropout masks follow from the seed and the step count
                // alone, which a saved optimizer restores: a resumed fit repeats a straight one
                long stepsDone = compiled.optimizer.iterations().storedValue().toLongArray()[0];
                Seeds.restartAt(stepsDone);
                random = shuffleRandom(stepsDone);
            }
            if (config.stepsPerEpoch == null) {
                position = 0;
                order = config.shuffle ? permutation(data.rows, random) : order;
            }
            double[] lossSums = new double[stepOutputs()];
            long seen = 0;
            Map<String, Double> logs = new LinkedHashMap<>();
            try (BatchFeed feed = new BatchFeed(data)) {
                for (int step = 0; step < steps; step++) {
                    if (position >= data.rows) {
                        position = 0;
                        order = config.shuffle ? permutation(data.rows, random) : order;
                    }
                    int end = Math.min(position + batchSize, data.rows);
                    // the next batch of this pass is copied while this one trains
                    int nextEnd = step + 1 < steps ? Math.min(end + batchSize, data.rows) : end;
                    callbacks.onTrainBatchBegin(step, new LinkedHashMap<>());
                    Tensor[] batchLosses = compiled.trainStep.callMany(feed.take(order, position, end, end, nextEnd));
                    int n = end - position;
                    position = end;
                    double value = batchLosses[0].item();
                    accumulate(lossSums, batchLosses, n);
                    seen += n;
                    logs = resultLogs(lossSums, seen);
                    callbacks.onTrainBatchEnd(step, logs);
                    if (Double.isNaN(value) || Double.isInfinite(value)) {
                        if (model.stopTraining()) {
                            break;
                        }
                        throw new IllegalStateException("fit: the loss became " + value + " at epoch " + (epoch + 1)
                                + ", batch " + (step + 1) + " of model \"" + model.name() + "\"; its weights are no "
                                + "longer finite. Lower the learning rate, check the inputs and targets for NaN or "
                                + "infinite values, or add callbackTerminateOnNaN() to stop quietly instead");
                    }
                    if (model.stopTraining()) {
                        break;
                    }
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

    public Map<String, Double> evaluate(Object x, Object y, FitConfig config) {
        if (y == null) {
            throw new IllegalArgumentException("evaluate: y (the targets) is missing");
        }
        TrainingData data = data(x, y, config.sampleWeight, "evaluate");
        model.buildFor(data.inputShapes());
        int steps = config.steps != null ? config.steps : ceilDiv(data.rows, config.batchSize());
        CallbackList callbacks = singlePassCallbacks(config, config.verbose(ProgbarLogger.autoVerbose()), steps);
        return RunRecorders.evaluated(model, runTest(data, config.batchSize(), steps, callbacks));
    }

    private Map<String, Double> runTest(TrainingData data, int batchSize, int steps, CallbackList callbacks) {
        resetMetrics();
        callbacks.onTestBegin(new LinkedHashMap<>());
        int[] order = identity(data.rows);
        double[] lossSums = new double[stepOutputs()];
        long seen = 0;
        Map<String, Double> logs = new LinkedHashMap<>();
        try (BatchFeed feed = new BatchFeed(data)) {
            for (int step = 0; step < steps && step * (long) batchSize < data.rows; step++) {
                int from = step * batchSize;
                int end = Math.min(from + batchSize, data.rows);
                int nextEnd = step + 1 < steps ? Math.min(end + batchSize, data.rows) : end;
                callbacks.onTestBatchBegin(step, new LinkedHashMap<>());
                accumulate(lossSums, compiled.testStep.callMany(feed.take(order, from, end, end, nextEnd)), end - from);
                seen += end - from;
                logs = resultLogs(lossSums, seen);
                callbacks.onTestBatchEnd(step, logs);
            }
        }
        callbacks.onTestEnd(logs);
        return logs;
    }

    /** The model's outputs for x, one tensor per output. */
    public List<Tensor> predict(Object x, FitConfig config) {
        TrainingData data = new TrainingData(inputs(x, "predict"), null, null, "predict");
        model.buildFor(data.inputShapes());
        int batchSize = config.batchSize();
        int steps = config.steps != null ? config.steps : ceilDiv(data.rows, batchSize);
        CallbackList callbacks = singlePassCallbacks(config, config.verbose(0), steps);
        callbacks.onPredictBegin(new LinkedHashMap<>());
        int[] order = identity(data.rows);
        List<List<Tensor>> batches = new ArrayList<>();
        try (BatchFeed feed = new BatchFeed(data)) {
            for (int step = 0; step < steps && step * (long) batchSize < data.rows; step++) {
                int from = step * batchSize;
                int end = Math.min(from + batchSize, data.rows);
                int nextEnd = step + 1 < steps ? Math.min(end + batchSize, data.rows) : end;
                callbacks.onPredictBatchBegin(step, new LinkedHashMap<>());
                batches.add(List.of(compiled.predictStep.callMany(feed.take(order, from, end, end, nextEnd))));
                callbacks.onPredictBatchEnd(step, new LinkedHashMap<>());
            }
        }
        callbacks.onPredictEnd(new LinkedHashMap<>());
        List<Tensor> outputs = new ArrayList<>();
        for (int o = 0; o < batches.getFirst().size(); o++) {
            int output = o;
            List<Tensor> parts = batches.stream().map(b -> b.get(output)).toList();
            outputs.add(parts.size() == 1 ? parts.getFirst() : tf.concat(parts, 0));
        }
        return outputs;
    }

    /** One compiled train step on one batch, metrics reset first (Keras' {@code train_on_batch}). */
    public Map<String, Double> trainOnBatch(Object x, Object y, Tensor sampleWeight) {
        return oneBatch(compiled.trainStep, x, y, sampleWeight, "train_on_batch");
    }

    public Map<String, Double> testOnBatch(Object x, Object y, Tensor sampleWeight) {
        return oneBatch(compiled.testStep, x, y, sampleWeight, "test_on_batch");
    }

    private Map<String, Double> oneBatch(dev.horn.graph.Function step, Object x, Object y, Tensor sampleWeight,
                                         String what) {
        TrainingData data = data(x, y, sampleWeight, what);
        model.buildFor(data.inputShapes());
        resetMetrics();
        double[] sums = new double[stepOutputs()];
        accumulate(sums, step.callMany(data.batch(identity(data.rows), 0, data.rows)), 1);
        return resultLogs(sums, 1);
    }

    private TrainingData data(Object x, Object y, Tensor sampleWeight, String what) {
        List<Tensor> ys = y == null ? null : tensors(PerName.resolve(y, model.outputNames(), false, null,
                what + " y (targets)"), what);
        return new TrainingData(inputs(x, what), ys, sampleWeight, what);
    }

    private List<Tensor> inputs(Object x, String what) {
        return tensors(PerName.resolve(x, model.inputNames(), false, null, what + " x (inputs)"), what);
    }

    private static List<Tensor> tensors(List<Object> values, String what) {
        List<Tensor> out = new ArrayList<>();
        for (Object v : values) {
            if (!(v instanceof Tensor t)) {
                throw new IllegalArgumentException(what + ": expected a Tensor for each model input and output, got "
                        + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            out.add(t);
        }
        return out;
    }

    /** Loss values per step: the total, plus one per output when there are several. */
    private int stepOutputs() {
        int outputs = model.outputNames().size();
        return outputs == 1 ? 1 : outputs + 1;
    }

    private static void accumulate(double[] sums, Tensor[] stepValues, int samples) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += stepValues[i].item() * samples;
        }
    }

    private Map<String, Double> resultLogs(double[] lossSums, long seen) {
        Map<String, Double> logs = new LinkedHashMap<>();
        List<String> names = compiled.logNames();
        for (int i = 0; i < lossSums.length; i++) {
            logs.put(names.get(i), lossSums[i] / seen);
        }
        for (CompiledModel.OutputMetric m : compiled.metrics) {
            logs.put(m.logName(), m.metric().result().item());
        }
        return logs;
    }

    private void resetMetrics() {
        for (CompiledModel.OutputMetric m : compiled.metrics) {
            m.metric().resetState();
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
        return ProgbarLogger.builder().statefulMetrics(compiled.logNames()).build();
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

    /** Shuffling follows Horn's global seed (and the step count it starts at) when one is set, so seeded runs repeat exactly. */
    private static SplittableRandom shuffleRandom(Long stepsDone) {
        Long seed = Seeds.global();
        long key = stepsDone == null ? 0 : stepsDone * 0xBF58476D1CE4E5B9L;
        return seed == null ? new SplittableRandom() : new SplittableRandom((seed * 0x9E3779B97F4A7C15L + 1) ^ key);
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
