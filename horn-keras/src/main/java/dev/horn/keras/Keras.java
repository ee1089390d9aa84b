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
import dev.horn.keras.layers.merging.Add;
import dev.horn.keras.layers.merging.Average;
import dev.horn.keras.layers.merging.Concatenate;
import dev.horn.keras.layers.merging.Dot;
import dev.horn.keras.layers.merging.Maximum;
import dev.horn.keras.layers.merging.Minimum;
import dev.horn.keras.layers.merging.Multiply;
import dev.horn.keras.layers.merging.Subtract;
import dev.horn.keras.models.Functional;
import dev.horn.keras.layers.*;
import dev.horn.keras.models.Sequential;
import dev.horn.keras.training.FitArg;
import dev.horn.keras.training.LossWeights;
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

    /** A functional model from its input and output tensors, as R's {@code keras_model(inputs, outputs)}. */
    public static Functional kerasModel(KerasTensor inputs, KerasTensor outputs) {
        return new Functional(List.of(inputs), List.of(outputs));
    }

    public static Functional kerasModel(List<KerasTensor> inputs, KerasTensor outputs) {
        return new Functional(inputs, List.of(outputs));
    }

    public static Functional kerasModel(KerasTensor inputs, List<KerasTensor> outputs) {
        return new Functional(List.of(inputs), outputs);
    }

    public static Functional kerasModel(List<KerasTensor> inputs, List<KerasTensor> outputs) {
        return new Functional(inputs, outputs);
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

    /** A model input for samples of this shape, as R's {@code layer_input(shape)}: a symbolic tensor. */
    public static KerasTensor layerInput(int... shape) {
        return KerasTensor.input(shape);
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

    public static Embedding layerEmbedding(int inputDim, int outputDim) {
        return new Embedding(inputDim, outputDim);
    }

    public static SimpleRnn layerSimpleRnn(int units) {
        return new SimpleRnn(units);
    }

    public static Lstm layerLstm(int units) {
        return new Lstm(units);
    }

    public static Gru layerGru(int units) {
        return new Gru(units);
    }

    /** Wraps a recurrent layer to read its input both ways, outputs concatenated (Keras' default merge mode). */
    public static Bidirectional bidirectional(Recurrent<?> layer) {
        return new Bidirectional(layer, "concat");
    }

    /** merge_mode: "concat", "sum", "mul", "ave", or null for both outputs unmerged. */
    public static Bidirectional bidirectional(Recurrent<?> layer, String mergeMode) {
        return new Bidirectional(layer, mergeMode);
    }

    public static Masking layerMasking() {
        return new Masking(0.0);
    }

    public static Masking layerMasking(double maskValue) {
        return new Masking(maskValue);
    }

    /** Applies a layer or a model to every step of a sequence, as R's {@code time_distributed(layer)}. */
    public static TimeDistributed timeDistributed(Layer layer) {
        return new TimeDistributed(layer);
    }

    /** Keras' {@code LeakyReLU} layer, slope {@code negativeSlope} below zero (the layer's default is 0.3). */
    public static LeakyRelu layerLeakyRelu(double negativeSlope) {
        return new LeakyRelu(negativeSlope);
    }

    // ---- merge layers: R's layer_concatenate(c(a, b)) and friends return the merged tensor ----

    public static KerasTensor layerConcatenate(KerasTensor... inputs) {
        return new Concatenate().apply(List.of(inputs));
    }

    public static KerasTensor layerConcatenate(List<KerasTensor> inputs) {
        return new Concatenate().apply(inputs);
    }

    public static KerasTensor layerConcatenate(List<KerasTensor> inputs, int axis) {
        return new Concatenate().axis(axis).apply(inputs);
    }

    public static KerasTensor layerAdd(KerasTensor... inputs) {
        return new Add().apply(List.of(inputs));
    }

    public static KerasTensor layerAdd(List<KerasTensor> inputs) {
        return new Add().apply(inputs);
    }

    public static KerasTensor layerSubtract(KerasTensor first, KerasTensor second) {
        return new Subtract().apply(List.of(first, second));
    }

    public static KerasTensor layerMultiply(KerasTensor... inputs) {
        return new Multiply().apply(List.of(inputs));
    }

    public static KerasTensor layerAverage(KerasTensor... inputs) {
        return new Average().apply(List.of(inputs));
    }

    public static KerasTensor layerMaximum(KerasTensor... inputs) {
        return new Maximum().apply(List.of(inputs));
    }

    public static KerasTensor layerMinimum(KerasTensor... inputs) {
        return new Minimum().apply(List.of(inputs));
    }

    /** The per-sample dot product along {@code axes} (one axis for both, or one each), as {@code layer_dot}. */
    public static KerasTensor layerDot(List<KerasTensor> inputs, int... axes) {
        return new Dot(axes).apply(inputs);
    }

    public static KerasTensor layerDot(List<KerasTensor> inputs, int axes, boolean normalize) {
        return new Dot(axes).normalize(normalize).apply(inputs);
    }

    public static BatchNormalization layerBatchNormalization() {
        return new BatchNormalization();
    }

    public static LayerNormalization layerLayerNormalization() {
        return new LayerNormalization();
    }

    public static GlobalMaxPooling1D layerGlobalMaxPooling1d() {
        return new GlobalMaxPooling1D();
    }

    public static GlobalAveragePooling1D layerGlobalAveragePooling1d() {
        return new GlobalAveragePooling1D();
    }

    public static GlobalMaxPooling2D layerGlobalMaxPooling2d() {
        return new GlobalMaxPooling2D();
    }

    public static GlobalAveragePooling2D layerGlobalAveragePooling2d() {
        return new GlobalAveragePooling2D();
    }

    public static ZeroPadding2D layerZeroPadding2d(int... padding) {
        var layer = new ZeroPadding2D();
        return padding.length == 0 ? layer : layer.padding(padding);
    }

    public static Cropping2D layerCropping2d(int... cropping) {
        var layer = new Cropping2D();
        return cropping.length == 0 ? layer : layer.cropping(cropping);
    }

    public static UpSampling2D layerUpsampling2d(int... size) {
        var layer = new UpSampling2D();
        return size.length == 0 ? layer : layer.size(size);
    }

    public static SpatialDropout1D layerSpatialDropout1d(double rate) {
        return new SpatialDropout1D(rate);
    }

    public static SpatialDropout2D layerSpatialDropout2d(double rate) {
        return new SpatialDropout2D(rate);
    }

    public static GaussianNoise layerGaussianNoise(double stddev) {
        return new GaussianNoise(stddev);
    }

    public static Rescaling layerRescaling(double scale) {
        return new Rescaling(scale);
    }

    public static Conv1D layerConv1d(int filters, int... kernelSize) {
        return new Conv1D(filters, kernelSize);
    }

    public static Conv2D layerConv2d(int filters, int... kernelSize) {
        return new Conv2D(filters, kernelSize);
    }

    public static Conv3D layerConv3d(int filters, int... kernelSize) {
        return new Conv3D(filters, kernelSize);
    }

    public static SeparableConv2D layerSeparableConv2d(int filters, int... kernelSize) {
        return new SeparableConv2D(filters, kernelSize);
    }

    public static Conv2DTranspose layerConv2dTranspose(int filters, int... kernelSize) {
        return new Conv2DTranspose(filters, kernelSize);
    }

    public static DepthwiseConv2D layerDepthwiseConv2d(int... kernelSize) {
        return new DepthwiseConv2D(kernelSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static MaxPooling1D layerMaxPooling1d(int... poolSize) {
        return new MaxPooling1D(poolSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static MaxPooling2D layerMaxPooling2d(int... poolSize) {
        return new MaxPooling2D(poolSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static MaxPooling3D layerMaxPooling3d(int... poolSize) {
        return new MaxPooling3D(poolSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static AveragePooling1D layerAveragePooling1d(int... poolSize) {
        return new AveragePooling1D(poolSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static AveragePooling2D layerAveragePooling2d(int... poolSize) {
        return new AveragePooling2D(poolSize);
    }

    /** Pool size 2 on every axis unless given. */
    public static AveragePooling3D layerAveragePooling3d(int... poolSize) {
        return new AveragePooling3D(poolSize);
    }

    public static RandomFlip layerRandomFlip() {
        return new RandomFlip();
    }

    public static RandomFlip layerRandomFlip(String mode) {
        return new RandomFlip(mode);
    }

    /** {@code factor}: a fraction of 2π, one number f for [-f, f] or (lower, upper). */
    public static RandomRotation layerRandomRotation(double... factor) {
        return new RandomRotation(factor);
    }

    public static RandomZoom layerRandomZoom(double... heightFactor) {
        return new RandomZoom(heightFactor);
    }

    public static RandomTranslation layerRandomTranslation(double heightFactor, double widthFactor) {
        return new RandomTranslation(heightFactor, widthFactor);
    }

    // ---- images ----

    /** An image file as float32 [height, width, 3] in 0-255, as {@code image_load() |> image_to_array()}. */
    public static Tensor imageLoad(java.nio.file.Path file) {
        return dev.horn.keras.preprocessing.Images.load(file);
    }

    /** Keras' {@code image_dataset_from_directory}: set its arguments on the builder, then {@code load()}. */
    public static dev.horn.keras.preprocessing.ImageDatasetFromDirectory imageDatasetFromDirectory(java.nio.file.Path dir) {
        return new dev.horn.keras.preprocessing.ImageDatasetFromDirectory(dir);
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
    public static FitArg validationData(Object x, Object y) { return FitArg.validationData(x, y); }

    // ---- compile arguments ----

    /** Keras' {@code loss_weights}: one weight per output, in output order. */
    public static LossWeights lossWeights(double... weights) { return LossWeights.of(weights); }
    /** Keras' {@code loss_weights} keyed by output names; outputs left out weigh 1. */
    public static LossWeights lossWeights(Map<String, ? extends Number> weights) { return new LossWeights(weights); }

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
