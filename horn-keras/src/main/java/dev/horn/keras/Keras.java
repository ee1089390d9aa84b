package dev.horn.keras;

import dev.horn.Tensor;
import dev.horn.keras.callbacks.CSVLogger;
import dev.horn.keras.callbacks.Callback;
import dev.horn.keras.callbacks.EarlyStopping;
import dev.horn.keras.callbacks.LambdaCallback;
import dev.horn.keras.callbacks.ModelCheckpoint;
import dev.horn.keras.callbacks.ReduceLROnPlateau;
import dev.horn.keras.callbacks.TerminateOnNaN;
import dev.horn.keras.datasets.Mnist;
import dev.horn.keras.datasets.TrainTest;
import dev.horn.keras.layers.ActivationLayer;
import dev.horn.keras.layers.Dense;
import dev.horn.keras.layers.Dropout;
import dev.horn.keras.layers.Flatten;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Reshape;
import dev.horn.keras.layers.UniqueNames;
import dev.horn.keras.models.Sequential;
import dev.horn.keras.training.FitArg;
import dev.horn.keras.utils.NumericalUtils;
import dev.horn.optimizers.Adadelta;
import dev.horn.optimizers.Adagrad;
import dev.horn.optimizers.Adam;
import dev.horn.optimizers.AdamW;
import dev.horn.optimizers.Adamax;
import dev.horn.optimizers.Nadam;
import dev.horn.optimizers.RMSprop;
import dev.horn.optimizers.SGD;
import java.util.List;
import java.util.Map;

/**
 * The R keras package's entry points, for {@code import static dev.horn.keras.Keras.*;}: a
 * script reads like its R original, {@code layer_dense(units = 256)} becoming
 * {@code layerDense(256)} and {@code fit(epochs = 5)} becoming {@code fit(x, y, epochs(5))}.
 */
public final class Keras {
    private Keras() {}

    // ---- models ----

    public static Sequential sequential(Layer... layers) {
        return new Sequential(layers);
    }

    /**
     * Seeds every random choice of a run (initial weights, dropout masks, shuffling), as R's
     * {@code set_random_seed()}: the same script then gives the same numbers on the same number
     * of cores.
     */
    public static void setRandomSeed(long seed) {
        dev.horn.Horn.setSeed(seed);
    }

    /** Resets Keras' default names ({@code dense}, {@code dense_1}, ...), as {@code k_clear_session()}. */
    public static void clearSession() {
        UniqueNames.clear();
    }

    // ---- data ----

    /** MNIST, from the copy Horn ships (or the data set cache): x int32 [n, 28, 28] in 0..255, y int32 [n]. */
    public static TrainTest datasetMnist() {
        return Mnist.load();
    }

    /** Reshapes in row-major (C) order, as R keras' {@code array_reshape} (not R's {@code dim<-}). */
    public static Tensor arrayReshape(Tensor x, int... dims) {
        return NumericalUtils.arrayReshape(x, dims);
    }

    /** One-hot float32 rows for integer class labels, as {@code to_categorical}. */
    public static Tensor toCategorical(Tensor y, int numClasses) {
        return NumericalUtils.toCategorical(y, numClasses);
    }

    public static Tensor toCategorical(Tensor y) {
        return NumericalUtils.toCategorical(y);
    }

    /** Scales each vector along the last axis to unit L2 norm, as {@code normalize}. */
    public static Tensor normalize(Tensor x) {
        return NumericalUtils.normalize(x);
    }

    public static Tensor normalize(Tensor x, int axis, double order) {
        return NumericalUtils.normalize(x, axis, order);
    }

    // ---- callbacks, with Keras' defaults ----

    public static EarlyStopping callbackEarlyStopping() {
        return new EarlyStopping();
    }

    public static ModelCheckpoint callbackModelCheckpoint(String filepath) {
        return new ModelCheckpoint(filepath);
    }

    public static ReduceLROnPlateau callbackReduceLrOnPlateau() {
        return new ReduceLROnPlateau();
    }

    public static CSVLogger callbackCsvLogger(String filename) {
        return new CSVLogger(java.nio.file.Path.of(filename));
    }

    public static LambdaCallback callbackLambda() {
        return new LambdaCallback();
    }

    public static TerminateOnNaN callbackTerminateOnNaN() {
        return new TerminateOnNaN();
    }

    /** Sets the learning rate at each epoch's start to {@code schedule(epoch, currentRate)}. */
    public static dev.horn.keras.callbacks.LearningRateScheduler callbackLearningRateScheduler(
            java.util.function.BiFunction<Integer, Double, Double> schedule) {
        return new dev.horn.keras.callbacks.LearningRateScheduler(schedule);
    }

    /** Event files for TensorBoard under {@code logDir/train} and {@code logDir/validation}. */
    public static dev.horn.keras.callbacks.TensorBoard callbackTensorboard(java.nio.file.Path logDir) {
        return new dev.horn.keras.callbacks.TensorBoard(logDir);
    }

    /** Backs weights and optimizer state up each epoch; a restarted fit resumes after the last completed one. */
    public static dev.horn.keras.callbacks.BackupAndRestore callbackBackupAndRestore(java.nio.file.Path backupDir) {
        return new dev.horn.keras.callbacks.BackupAndRestore(backupDir);
    }

    /** POSTs each epoch's logs to {@code root + "/publish/epoch/end/"}. */
    public static dev.horn.keras.callbacks.RemoteMonitor callbackRemoteMonitor(String root) {
        return new dev.horn.keras.callbacks.RemoteMonitor(root);
    }

    // ---- layers ----

    public static InputLayer layerInput(int... shape) {
        return new InputLayer(shape);
    }

    public static Dense layerDense(int units) {
        return new Dense(units);
    }

    public static Dropout layerDropout(double rate) {
        return new Dropout(rate);
    }

    public static ActivationLayer layerActivation(String activation) {
        return new ActivationLayer(activation);
    }

    public static Flatten layerFlatten() {
        return new Flatten();
    }

    public static Reshape layerReshape(int... targetShape) {
        return new Reshape(targetShape);
    }

    // ---- optimizers, with Keras' defaults ----

    public static RMSprop optimizerRmsprop() {
        return new RMSprop();
    }

    public static RMSprop optimizerRmsprop(double learningRate) {
        return (RMSprop) new RMSprop().learningRate(learningRate);
    }

    public static Adam optimizerAdam() {
        return new Adam();
    }

    public static Adam optimizerAdam(double learningRate) {
        return (Adam) new Adam().learningRate(learningRate);
    }

    public static AdamW optimizerAdamw() {
        return new AdamW();
    }

    public static SGD optimizerSgd() {
        return new SGD();
    }

    public static SGD optimizerSgd(double learningRate) {
        return (SGD) new SGD().learningRate(learningRate);
    }

    public static Adagrad optimizerAdagrad() {
        return new Adagrad();
    }

    public static Adadelta optimizerAdadelta() {
        return new Adadelta();
    }

    public static Adamax optimizerAdamax() {
        return new Adamax();
    }

    public static Nadam optimizerNadam() {
        return new Nadam();
    }

    // ---- fit / evaluate / predict arguments ----

    public static FitArg epochs(int n) { return FitArg.epochs(n); }
    public static FitArg batchSize(int n) { return FitArg.batchSize(n); }
    public static FitArg verbose(int level) { return FitArg.verbose(level); }
    public static FitArg validationSplit(double fraction) { return FitArg.validationSplit(fraction); }
    public static FitArg validationData(Tensor x, Tensor y) { return FitArg.validationData(x, y); }
    public static FitArg shuffle(boolean value) { return FitArg.shuffle(value); }
    public static FitArg classWeight(Map<Integer, Double> weights) { return FitArg.classWeight(weights); }
    public static FitArg sampleWeight(Tensor weights) { return FitArg.sampleWeight(weights); }
    public static FitArg initialEpoch(int epoch) { return FitArg.initialEpoch(epoch); }
    public static FitArg stepsPerEpoch(int steps) { return FitArg.stepsPerEpoch(steps); }
    public static FitArg validationSteps(int steps) { return FitArg.validationSteps(steps); }
    public static FitArg steps(int steps) { return FitArg.steps(steps); }
    public static FitArg callbacks(Callback... callbacks) { return FitArg.callbacks(callbacks); }
    public static FitArg callbacks(List<? extends Callback> callbacks) { return FitArg.callbacks(callbacks); }

    // ---- saving and loading ----

    /** Saves the model as a Keras 3 {@code .keras} file (architecture, weights, compile settings, optimizer state). */
    public static void saveModel(dev.horn.keras.models.Model model, java.nio.file.Path path) {
        dev.horn.keras.saving.KerasArchive.save(model, path);
    }

    /** Loads a {@code .keras} file written by Horn or Keras 3: a new model, compiled if the file says how. */
    public static dev.horn.keras.models.Model loadModel(java.nio.file.Path path) {
        return dev.horn.keras.saving.KerasArchive.load(path);
    }

    /** Saves the model in Keras 2's whole-model HDF5 format ({@code .h5}). */
    public static void saveModelHdf5(dev.horn.keras.models.Model model, java.nio.file.Path path) {
        dev.horn.keras.saving.LegacyH5.save(model, path);
    }

    public static dev.horn.keras.models.Model loadModelHdf5(java.nio.file.Path path) {
        return dev.horn.keras.saving.LegacyH5.load(path);
    }

    /** The model's architecture as Keras' {@code to_json()} writes it. */
    public static String modelToJson(dev.horn.keras.models.Model model) {
        return dev.horn.keras.saving.LegacyH5.toJson(model);
    }

    /** A new (uncompiled) model from {@code to_json()} output of Horn, Keras 3 or Keras 2. */
    public static dev.horn.keras.models.Model modelFromJson(String json) {
        return dev.horn.keras.saving.LegacyH5.fromJson(json);
    }

    /**
     * Keras' {@code register_keras_serializable}: lets saved models name a custom layer, loss,
     * metric or activation ({@code name} is its class name or Keras name) and loading rebuild it
     * from its config.
     */
    public static void registerKerasSerializable(String packageName, String name,
                                                 java.util.function.Function<Map<String, Object>, ?> fromConfig) {
        dev.horn.keras.saving.CustomObjects.register(packageName, name, fromConfig);
    }
}
