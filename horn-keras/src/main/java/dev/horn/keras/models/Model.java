package dev.horn.keras.models;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.losses.Loss;
import dev.horn.keras.metrics.Metric;
import dev.horn.keras.optimizers.Optimizers;
import dev.horn.keras.training.CompileArgs;
import dev.horn.keras.training.CompiledModel;
import dev.horn.keras.training.FitArg;
import dev.horn.keras.training.FitConfig;
import dev.horn.keras.training.Trainer;
import dev.horn.optimizers.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * A Keras model: layers plus training. Like Keras (and unlike most R objects) a model is
 * mutable: {@code compile} and {@code fit} change it in place, and {@code fit} returns the
 * {@link History} of that call.
 */
public abstract class Model extends Layer {
    private CompiledModel compiled;
    private boolean stopTraining;

    /** The model's layers in order (Sequential: as added, without the input layer). */
    public abstract List<Layer> layers();

    /**
     * Builds every layer for inputs of this shape (batch axis included) and checks that the
     * shapes fit together; cheap when the model is built already. Training calls it before
     * tracing anything, so weights are always created eagerly.
     */
    public abstract void buildFor(Shape inputShape);

    /** {@link #buildFor(Shape)} for a model of several inputs, one shape each. */
    public void buildFor(List<Shape> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects 1 input(s), but it received "
                    + inputShapes.size() + " input tensors");
        }
        buildFor(inputShapes.getFirst());
    }

    /** The names data maps are keyed by for each input (the input layers' names). */
    public List<String> inputNames() {
        return List.of(layers().getFirst().name() + "_input");
    }

    /** The names of the outputs (their layers' names), which key targets, losses and per-output logs. */
    public List<String> outputNames() {
        return List.of(layers().getLast().name());
    }

    /** The output shapes, batch axis included; null entries where not known yet. */
    public List<Shape> outputShapes() {
        return java.util.Collections.singletonList(outputShapeOrNull());
    }

    /** The layer with this name. */
    public Layer getLayer(String layerName) {
        for (Layer l : layers()) {
            if (l.name().equals(layerName)) {
                return l;
            }
        }
        throw new IllegalArgumentException("No such layer: " + layerName + ". Existing layers are: "
                + layers().stream().map(Layer::name).toList() + ".");
    }

    /** The layer at this index (0-based). */
    public Layer getLayer(int index) {
        List<Layer> ls = layers();
        if (index < 0 || index >= ls.size()) {
            throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + " but model only has "
                    + ls.size() + " layers.");
        }
        return ls.get(index);
    }

    // ---- weights: the layers' ----

    @Override
    public List<Variable> trainableVariables() {
        List<Variable> out = new ArrayList<>();
        if (trainable()) {
            for (Layer l : layers()) {
                out.addAll(l.trainableVariables());
            }
        }
        return out;
    }

    @Override
    public List<Variable> nonTrainableVariables() {
        List<Variable> out = new ArrayList<>();
        for (Layer l : layers()) {
            out.addAll(trainable() ? l.nonTrainableVariables() : l.variables());
        }
        return out;
    }

    @Override
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        for (Layer l : layers()) {
            out.addAll(l.variables());
        }
        return out;
    }

    @Override
    public long countParams() {
        long n = 0;
        for (Layer l : layers()) {
            n += l.countParams();
        }
        return n;
    }

    @Override
    public List<Tensor> regularizationLosses() {
        List<Tensor> out = new ArrayList<>();
        if (trainable()) {
            for (Layer l : layers()) {
                out.addAll(l.regularizationLosses());
            }
        }
        return out;
    }

    @Override
    public void applyConstraints() {
        if (trainable()) {
            for (Layer l : layers()) {
                l.applyConstraints();
            }
        }
    }

    // ---- compile ----

    /**
     * Configures training: {@code optimizer} is an optimizer object or Keras name
     * ({@code "rmsprop"}); {@code loss} a {@link Loss} or name; {@code metrics} names
     * ({@code "accuracy"}) or {@link Metric}s. Unknown names fail here, naming the name.
     *
     * <p>For a model of several outputs, {@code loss} may also be a list in output order or a
     * map keyed by output names; among the metrics, a map from output name to its metrics
     * gives metrics per output (names alone apply to every output), and
     * {@code lossWeights(...)} weighs each output's loss in the total.
     */
    public Model compile(Object optimizer, Object loss, Object... metrics) {
        compiled = CompileArgs.resolve(this, Optimizers.resolve(optimizer), loss, metrics);
        return this;
    }

    /** The output shape when the model knows its input shape, else null. */
    protected abstract Shape outputShapeOrNull();

    public boolean isCompiled() {
        return compiled != null;
    }

    public Optimizer optimizer() {
        return requireCompiled("optimizer").optimizer();
    }

    public Loss loss() {
        return requireCompiled("loss").loss();
    }

    public List<Metric> metrics() {
        return requireCompiled("metrics").metrics();
    }

    /** What compile fixed for each output (losses, loss weights, metrics), as saving records it. */
    public CompiledModel compileSettings() {
        return requireCompiled("compile settings");
    }

    private CompiledModel requireCompiled(String what) {
        if (compiled == null) {
            throw new IllegalStateException("You must compile your model before " + what
                    + ". Call model.compile(optimizer, loss).");
        }
        return compiled;
    }

    private Trainer trainer(String what) {
        return new Trainer(this, requireCompiled(what));
    }

    // ---- training and inference ----

    /**
     * Trains the model. For a model of several inputs or outputs, x and y are lists of tensors
     * in input/output order or maps keyed by the input/output layer names.
     */
    public History fit(Object x, Object y, FitArg... args) {
        return trainer("training/testing").fit(x, y, FitConfig.of(args));
    }

    /** Loss and metrics on the given data: {@code {loss=..., accuracy=...}}. */
    public Map<String, Double> evaluate(Object x, Object y, FitArg... args) {
        return trainer("training/testing").evaluate(x, y, FitConfig.of(args));
    }

    /** The model's output for x, batch by batch (batch size 32 unless given); see {@link #predictOutputs} for several. */
    public Tensor predict(Object x, FitArg... args) {
        List<Tensor> outputs = predictOutputs(x, args);
        if (outputs.size() != 1) {
            throw new IllegalStateException("model \"" + name() + "\" has " + outputs.size() + " outputs "
                    + outputNames() + "; use predictOutputs(x) to get all of them");
        }
        return outputs.getFirst();
    }

    /** The model's outputs for x, one tensor per output, in output order. */
    public List<Tensor> predictOutputs(Object x, FitArg... args) {
        CompiledModel forPrediction = compiled != null ? compiled : new CompiledModel(this, null, null, List.of());
        return new Trainer(this, forPrediction).predict(x, FitConfig.of(args));
    }

    /** The predicted class of each sample: argmax over classes, or p > 0.5 for one sigmoid output. */
    public Tensor predictClasses(Object x, FitArg... args) {
        Tensor p = predict(x, args);
        if (p.shape().dim(p.rank() - 1) > 1) {
            return tf.argmax(p, -1, dev.horn.DType.INT32);
        }
        return tf.cast(tf.greater(p, Tensor.scalar(p.dtype(), 0.5)), dev.horn.DType.INT32);
    }

    /** The predicted probabilities (the model's outputs), as Keras' {@code predict_proba}. */
    public Tensor predictProba(Object x, FitArg... args) {
        return predict(x, args);
    }

    public Map<String, Double> trainOnBatch(Object x, Object y) {
        return trainer("training").trainOnBatch(x, y, null);
    }

    public Map<String, Double> trainOnBatch(Object x, Object y, Tensor sampleWeight) {
        return trainer("training").trainOnBatch(x, y, sampleWeight);
    }

    public Map<String, Double> testOnBatch(Object x, Object y) {
        return trainer("testing").testOnBatch(x, y, null);
    }

    /** Set by a callback (EarlyStopping, TerminateOnNaN) to end {@code fit} after this batch or epoch. */
    public void setStopTraining(boolean value) {
        stopTraining = value;
    }

    public boolean stopTraining() {
        return stopTraining;
    }

    // ---- saving ----

    /** Saves every layer's weights (and, once compiled, the optimizer's state) to a Keras 3 {@code .weights.h5} file, atomically. */
    public void saveWeights(java.nio.file.Path path) {
        dev.horn.keras.saving.WeightsFile.save(this, path);
    }

    /** Loads weights (and a fitting optimizer state) saved by {@link #saveWeights}; nothing changes unless every layer and shape fits. */
    public void loadWeights(java.nio.file.Path path) {
        dev.horn.keras.saving.WeightsFile.load(this, path);
    }

    // ---- printing ----

    /** Prints the layer table to standard output, as Keras' {@code summary()}. */
    public void summary() {
        summary(System.out);
    }

    public void summary(PrintStream out) {
        out.print(summaryString(Summary.defaultLineLength(this)));
    }

    /** The summary table as text, with lines of {@code lineLength} characters. */
    public String summaryString(int lineLength) {
        return Summary.of(this, lineLength);
    }

    /** Whether the summary is a plain stack of layers (no {@code Connected to} column). */
    protected boolean summaryIsSequentialLike() {
        return true;
    }

    /**
     * Draws the model's graph as Keras' {@code plot_model}: Graphviz text for {@code .dot}, an
     * image for {@code .png} or {@code .svg}; {@code showShapes} adds each layer's input and output shapes.
     */
    public void plotModel(java.nio.file.Path file, boolean showShapes) {
        ModelPlot.write(this, file, showShapes);
    }

    public void plotModel(java.nio.file.Path file) {
        plotModel(file, false);
    }

    /** Rows for the summary: one per layer, with its printed output shape. */
    protected abstract List<Summary.Row> summaryRows();
}
