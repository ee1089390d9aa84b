package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code TimeDistributed}: applies one layer (or a whole model) to every step of a
 * sequence, (batch, steps, ...) to (batch, steps, ...), with one set of weights for all steps.
 * Steps are folded into the batch axis, so the wrapped layer runs once on batch × steps rows.
 * {@snippet :
 * var processed = layerInput(20, 784).then(timeDistributed(model)); // (None, 20, 10)
 * }
 */
public final class TimeDistributed extends FluentLayer<TimeDistributed> {
    private final Layer layer;

    public TimeDistributed(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("TimeDistributed: the wrapped layer is null");
        }
        this.layer = layer;
    }

    /** The wrapped layer. */
    public Layer layer() {
        return layer;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() < 3) {
            throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
                    + "dimensions, received: " + Shapes.tuple(inputShape) + " (layer \"" + name() + "\")");
        }
    }

    /** One step's shape: the batch axis unknown, the steps axis removed. */
    private static Shape stepShape(Shape inputShape) {
        int[] d = inputShape.dims();
        int[] step = new int[d.length - 1];
        step[0] = Shape.UNKNOWN;
        System.arraycopy(d, 2, step, 1, d.length - 2);
        return Shape.of(step);
    }

    @Override
    protected void build(Shape inputShape) {
        layer.ensureBuilt(stepShape(inputShape));
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        int[] step = layer.computeOutputShape(stepShape(inputShape)).dims();
        int[] out = new int[step.length + 1];
        out[0] = inputShape.dim(0);
        out[1] = inputShape.dim(1);
        System.arraycopy(step, 1, out, 2, step.length - 1);
        return Shape.of(out);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int steps = inputs.shape().dim(1);
        if (steps == Shape.UNKNOWN) {
            throw new IllegalArgumentException("TimeDistributed layer \"" + name() + "\" needs a known number of steps; "
                    + "got input shape " + Shapes.tuple(inputs.shape()));
        }
        int[] folded = stepShape(inputs.shape()).dims();
        folded[0] = -1;
        Tensor y = layer.apply(tf.reshape(inputs, folded), training);
        int[] yd = y.shape().dims();
        int[] out = new int[yd.length + 1];
        out[0] = -1;
        out[1] = steps;
        System.arraycopy(yd, 1, out, 2, yd.length - 1);
        return tf.reshape(y, out);
    }

    /** The input's mask (one flag per step) still holds for the output's steps. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    // ---- weights: the wrapped layer's ----

    @Override
    public List<LayerWeight> layerWeights() {
        return layer.layerWeights();
    }

    @Override
    public List<Variable> trainableVariables() {
        return trainable() ? layer.trainableVariables() : List.of();
    }

    @Override
    public List<Variable> nonTrainableVariables() {
        return trainable() ? layer.nonTrainableVariables() : layer.variables();
    }

    @Override
    public long countParams() {
        return layer.countParams();
    }

    @Override
    public List<Tensor> regularizationLosses() {
        return trainable() ? layer.regularizationLosses() : List.of();
    }

    @Override
    public void applyConstraints() {
        if (trainable()) {
            layer.applyConstraints();
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("layer", layer); // the layer itself: saving writes it in the file's schema
        return config;
    }
}
