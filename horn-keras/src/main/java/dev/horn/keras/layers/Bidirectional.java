package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code Bidirectional}: two copies of a recurrent layer, {@code forward_<name>} reading
 * the sequence in order and {@code backward_<name>} reading it backwards, their outputs merged
 * by {@code merge_mode}: {@code concat} (the default, along the last axis), {@code sum},
 * {@code mul}, {@code ave}, or null for both outputs unmerged. With return_sequences the
 * backward outputs are put back in forward time order before merging, and masked steps output
 * zeros so both directions line up. Twice the wrapped layer's parameters.
 */
public final class Bidirectional extends FluentLayer<Bidirectional> {
    private static final Set<String> MODES = Set.of("concat", "sum", "mul", "ave");

    private final Recurrent<?> forward;
    private final Recurrent<?> backward;
    private final String mergeMode;

    public Bidirectional(Recurrent<?> layer, String mergeMode) {
        if (mergeMode != null && !MODES.contains(mergeMode)) {
            throw new IllegalArgumentException("Invalid merge mode. Merge mode should be one of "
                    + "{\"sum\", \"mul\", \"ave\", \"concat\", None}, got \"" + mergeMode + "\"");
        }
        if (layer.isBuilt()) {
            throw new IllegalArgumentException("Bidirectional: layer " + layer.name() + " is already built; wrap a new layer");
        }
        this.mergeMode = mergeMode;
        this.forward = layer.sameArguments();
        forward.setName("forward_" + layer.name());
        this.backward = layer.sameArguments();
        backward.setName("backward_" + layer.name());
        backward.goBackwards(!layer.goBackwards());
        forward.zeroOutputForMask(layer.returnSequences());
        backward.zeroOutputForMask(layer.returnSequences());
        int[] declared = layer.declaredInputShape();
        if (declared != null) {
            setDeclaredInputShape(declared, layer.declaredBatchInputShape().dim(0) == Shape.UNKNOWN ? null
                    : layer.declaredBatchInputShape().dim(0));
        }
    }

    public Recurrent<?> forwardLayer() { return forward; }
    public Recurrent<?> backwardLayer() { return backward; }
    public String mergeMode() { return mergeMode; }

    @Override
    protected String defaultName() {
        return UniqueNames.next("bidirectional");
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        forward.checkInputShape(inputShape);
    }

    @Override
    protected void build(Shape inputShape) {
        forward.ensureBuilt(inputShape);
        backward.ensureBuilt(inputShape);
    }

    // ---- shapes and masks ----

    private Shape merged(Shape one) {
        if (!"concat".equals(mergeMode)) {
            return one;
        }
        int last = one.dim(one.rank() - 1);
        return one.withDim(one.rank() - 1, 2 * last);
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        return merged(forward.computeOutputShape(inputShape));
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        List<Shape> one = forward.computeOutputShapes(inputShapes);
        List<Shape> out = new ArrayList<>();
        if (mergeMode == null) {
            out.add(one.getFirst());
        }
        out.add(merged(one.getFirst()));
        for (int copy = 0; copy < 2; copy++) {
            out.addAll(one.subList(1, one.size()));
        }
        return out;
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return forward.computeMask(inputs, mask);
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        List<Tensor> out = new ArrayList<>();
        Tensor mask = computeMask(inputs.getFirst(), masks == null ? null : masks.getFirst());
        for (int i = 0; i < computeOutputShapes(inputs.stream().map(Tensor::shape).toList()).size(); i++) {
            out.add(i < (mergeMode == null ? 2 : 1) ? mask : null);
        }
        return out;
    }

    // ---- the call ----

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return call(inputs, training, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training, Tensor mask) {
        if (mergeMode == null) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" has merge_mode=None and returns two tensors; "
                    + "call it on a symbolic tensor in a functional model");
        }
        return callMany(List.of(inputs), training, mask == null ? null : List.of(mask)).getFirst();
    }

    @Override
    protected List<Tensor> callMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        Tensor mask = masks == null ? null : masks.getFirst();
        List<Tensor> f = forward.run(inputs.getFirst(), mask, List.of(), training);
        List<Tensor> b = backward.run(inputs.getFirst(), mask, List.of(), training);
        Tensor yf = f.getFirst();
        Tensor yb = forward.returnSequences() ? tf.reverse(b.getFirst(), 1) : b.getFirst();
        List<Tensor> out = new ArrayList<>();
        if (mergeMode == null) {
            out.add(yf);
            out.add(yb);
        } else {
            out.add(switch (mergeMode) {
                case "concat" -> tf.concat(List.of(yf, yb), -1);
                case "sum" -> tf.add(yf, yb);
                case "mul" -> tf.mul(yf, yb);
                default -> tf.mul(tf.add(yf, yb), Tensor.scalar(yf.dtype(), 0.5));
            });
        }
        if (forward.returnState()) {
            out.addAll(f.subList(1, f.size()));
            out.addAll(b.subList(1, b.size()));
        }
        return out;
    }

    // ---- weights: the two copies' ----

    @Override
    public List<LayerWeight> layerWeights() {
        List<LayerWeight> all = new ArrayList<>(forward.layerWeights());
        all.addAll(backward.layerWeights());
        return all;
    }

    @Override
    public List<Variable> trainableVariables() {
        List<Variable> all = new ArrayList<>();
        if (trainable()) {
            all.addAll(forward.trainableVariables());
            all.addAll(backward.trainableVariables());
        }
        return all;
    }

    @Override
    public List<Variable> nonTrainableVariables() {
        List<Variable> all = new ArrayList<>();
        for (Recurrent<?> r : List.of(forward, backward)) {
            all.addAll(trainable() ? r.nonTrainableVariables() : r.variables());
        }
        return all;
    }

    @Override
    public long countParams() {
        return forward.countParams() + backward.countParams();
    }

    @Override
    public List<Tensor> regularizationLosses() {
        List<Tensor> all = new ArrayList<>();
        if (trainable()) {
            all.addAll(forward.regularizationLosses());
            all.addAll(backward.regularizationLosses());
        }
        return all;
    }

    @Override
    public void applyConstraints() {
        forward.applyConstraints();
        backward.applyConstraints();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("layer", forward); // the layer itself: saving writes it in the file's schema
        config.put("merge_mode", mergeMode);
        return config;
    }
}
