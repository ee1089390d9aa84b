package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.activations.Activation;
import dev.horn.keras.activations.Activations;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * What Keras' {@code RNN} layers share: the arguments (units, return_sequences, return_state,
 * go_backwards, stateful, dropout, recurrent_dropout, unroll, the kernel, recurrent kernel and
 * bias with their initializers, regularizers and constraints), the input check, and the time
 * loop around a cell.
 *
 * <p>The loop: the input projection {@code x · kernel + bias} for all steps is one matmul; then
 * either the cell's fused op runs the whole loop (LSTM, GRU with their default activations),
 * or the cell's step, written with ops, runs once per step. A mask ({@code [batch, time]}, from
 * an embedding with mask_zero or a masking layer) makes a step keep the previous states, as in
 * Keras. With {@code go_backwards} the sequence is read last step first and returned in that
 * order. The outputs are the last output (or every step's with return_sequences), then the
 * final states with return_state.
 */
public abstract class Recurrent<L extends Recurrent<L>> extends FluentLayer<L> {
    private final int units;
    private Activation activation = Activations.get("tanh");
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Initializer recurrentInitializer = Initializers.get("orthogonal");
    private Initializer biasInitializer = Initializers.get("zeros");
    private Regularizer kernelRegularizer;
    private Regularizer recurrentRegularizer;
    private Regularizer biasRegularizer;
    private Constraint kernelConstraint;
    private Constraint recurrentConstraint;
    private Constraint biasConstraint;
    private double dropout;
    private double recurrentDropout;
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean stateful;
    private boolean unroll;
    private boolean zeroOutputForMask;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;
    private List<Variable> states;

    protected Recurrent(String what, int units) {
        if (units <= 0) {
            throw new IllegalArgumentException(what + ": units must be a positive integer, got " + units);
        }
        this.units = units;
    }

    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    // ---- arguments ----

    public L activation(String name) { return activation(Activations.get(name)); }
    public L activation(Activation value) { activation = value; return self(); }
    public L useBias(boolean value) { useBias = value; return self(); }
    public L kernelInitializer(String name) { return kernelInitializer(Initializers.get(name)); }
    public L kernelInitializer(Initializer value) { kernelInitializer = value; return self(); }
    public L recurrentInitializer(String name) { return recurrentInitializer(Initializers.get(name)); }
    public L recurrentInitializer(Initializer value) { recurrentInitializer = value; return self(); }
    public L biasInitializer(String name) { return biasInitializer(Initializers.get(name)); }
    public L biasInitializer(Initializer value) { biasInitializer = value; return self(); }
    public L kernelRegularizer(Regularizer value) { kernelRegularizer = value; return self(); }
    public L recurrentRegularizer(Regularizer value) { recurrentRegularizer = value; return self(); }
    public L biasRegularizer(Regularizer value) { biasRegularizer = value; return self(); }
    public L kernelConstraint(Constraint value) { kernelConstraint = value; return self(); }
    public L recurrentConstraint(Constraint value) { recurrentConstraint = value; return self(); }
    public L biasConstraint(Constraint value) { biasConstraint = value; return self(); }
    public L returnSequences(boolean value) { returnSequences = value; return self(); }
    public L returnState(boolean value) { returnState = value; return self(); }
    public L goBackwards(boolean value) { goBackwards = value; return self(); }
    public L stateful(boolean value) { stateful = value; return self(); }

    /** Accepted for Keras' sake; the loop is a Java loop (or one fused op) either way, so it changes no number. */
    public L unroll(boolean value) { unroll = value; return self(); }

    /** The fraction of the inputs dropped in training, one mask for all steps (as Keras' cells). */
    public L dropout(double rate) { dropout = rate(rate, "dropout"); return self(); }

    /** The fraction of the recurrent state dropped in training, one mask for all steps. */
    public L recurrentDropout(double rate) { recurrentDropout = rate(rate, "recurrent_dropout"); return self(); }

    private double rate(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(className() + ": " + what + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** Outputs of masked steps are zeros instead of the carried state; Bidirectional sets it with return_sequences. */
    /** Whether masked steps output zeros (Bidirectional sets it to return_sequences, as Keras does). */
    public boolean zeroOutputForMask() {
        return zeroOutputForMask;
    }

    void zeroOutputForMask(boolean value) {
        zeroOutputForMask = value;
    }

    public int units() { return units; }
    public boolean returnSequences() { return returnSequences; }
    public boolean returnState() { return returnState; }
    public boolean goBackwards() { return goBackwards; }
    public Activation activation() { return activation; }
    public boolean useBias() { return useBias; }
    public Variable kernel() { return kernel; }
    public Variable recurrentKernel() { return recurrentKernel; }
    public Variable bias() { return bias; }

    // ---- what a cell fills in ----

    /** Gate blocks in the kernel: 1 for SimpleRNN, 4 for LSTM, 3 for GRU. */
    protected abstract int gates();

    /** State tensors carried between steps: h, or h and c. */
    protected abstract int stateCount();

    /** The bias weight's shape (Keras': [4u] for LSTM, [2, 3u] for GRU with reset_after). */
    protected Shape biasShape() {
        return Shape.of(gates() * units);
    }

    /** The bias weight's initializer (LSTM's unit_forget_bias wraps the given one). */
    protected Initializer biasWeightInitializer(Initializer given) {
        return given;
    }

    /** The part of the bias added to the input projection: all of it, or GRU's input bias row. */
    protected Tensor inputBias(Tensor biasValue) {
        return biasValue;
    }

    /** One step from ops: the new states, the first of which is the step's output. */
    protected abstract Tensor[] step(Tensor projected, Tensor[] states, Tensor recurrentDropMask);

    /** The whole loop in one fused op ({@code [h sequence, final states...]}), or null where the cell has none. */
    protected Tensor[] fused(Tensor projection, Tensor[] states, Tensor mask) {
        return null;
    }

    // ---- shape rule ----

    @Override
    protected void checkInputShape(Shape inputShape) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected ndim=3, found ndim=" + inputShape.rank() + ". Full shape received: " + Shapes.tuple(inputShape));
        }
        if (inputShape.dim(2) == Shape.UNKNOWN) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": the last dimension of the inputs (features) must be "
                    + "defined, got shape " + Shapes.tuple(inputShape));
        }
        if (kernel != null && inputShape.dim(2) != kernel.shape().dim(0)) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: "
                    + "expected axis -1 of input shape to have value " + kernel.shape().dim(0)
                    + ", but received input with shape " + Shapes.tuple(inputShape));
        }
    }

    @Override
    protected void checkInputShapes(List<Shape> inputShapes) {
        checkInputShape(inputShapes.getFirst());
        if (inputShapes.size() != 1 && inputShapes.size() != 1 + stateCount()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + stateCount() + " initial state tensor(s) "
                    + "after its input, got " + (inputShapes.size() - 1));
        }
        for (int i = 1; i < inputShapes.size(); i++) {
            Shape s = inputShapes.get(i);
            if (s.rank() != 2 || s.dim(1) != units) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": initial state " + (i - 1) + " must have shape "
                        + "(batch, " + units + "), got " + Shapes.tuple(s));
            }
        }
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        checkInputShape(inputShape);
        return returnSequences ? Shape.of(inputShape.dim(0), inputShape.dim(1), units) : Shape.of(inputShape.dim(0), units);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> inputShapes) {
        List<Shape> out = new ArrayList<>();
        out.add(computeOutputShape(inputShapes.getFirst()));
        for (int i = 0; returnState && i < stateCount(); i++) {
            out.add(Shape.of(inputShapes.getFirst().dim(0), units));
        }
        return out;
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return returnSequences ? mask : null;
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        List<Tensor> out = new ArrayList<>();
        out.add(computeMask(inputs.getFirst(), masks == null ? null : masks.getFirst()));
        for (int i = 0; returnState && i < stateCount(); i++) {
            out.add(null);
        }
        return out;
    }

    // ---- weights ----

    /** The weights depend on the sequence alone; initial states (Keras' {@code initial_state}) follow it. */
    @Override
    protected void buildMany(List<Shape> inputShapes) {
        checkInputShapes(inputShapes);
        build(inputShapes.getFirst());
    }

    @Override
    protected void build(Shape inputShape) {
        int inputDim = inputShape.dim(2);
        kernel = addWeight("kernel", Shape.of(inputDim, gates() * units), kernelInitializer, kernelRegularizer,
                kernelConstraint, true);
        recurrentKernel = addWeight("recurrent_kernel", Shape.of(units, gates() * units), recurrentInitializer,
                recurrentRegularizer, recurrentConstraint, true);
        if (useBias) {
            bias = addWeight("bias", biasShape(), biasWeightInitializer(biasInitializer), biasRegularizer, biasConstraint, true);
        }
        if (stateful) {
            int batch = inputShape.dim(0);
            if (batch == Shape.UNKNOWN) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": if a RNN is stateful, it needs to know its batch "
                        + "size. Specify the batch size of your input tensors with batchInputShape(batchSize, ...) on the "
                        + "first layer of the model");
            }
            states = new ArrayList<>();
            for (int i = 0; i < stateCount(); i++) {
                states.add(new Variable(tf.zeros(batch, units), name() + "/state_" + i, false));
            }
        }
    }

    /** Sets a stateful layer's states back to zeros (Keras' {@code reset_states}). */
    public void resetStates() {
        if (states == null) {
            throw new IllegalStateException("Layer \"" + name() + "\" is not stateful (or not built): it has no states to reset");
        }
        for (Variable s : states) {
            s.assign(tf.zerosLike(s.read()));
        }
    }

    // ---- the loop ----

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return call(inputs, training, null);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training, Tensor mask) {
        return run(inputs, mask, List.of(), training).getFirst();
    }

    @Override
    protected List<Tensor> callMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        List<Tensor> out = run(inputs.getFirst(), masks == null ? null : masks.getFirst(),
                inputs.subList(1, inputs.size()), training);
        return returnState ? out : out.subList(0, 1);
    }

    /** The output, then the final states. */
    List<Tensor> run(Tensor inputs, Tensor mask, List<Tensor> initialState, boolean training) {
        Tensor x = tf.cast(inputs, dtype());
        int batch = x.shape().dim(0);
        int time = x.shape().dim(1);
        int features = x.shape().dim(2);
        Tensor keep = mask == null ? null : tf.cast(mask, DType.FLOAT32);
        if (goBackwards) {
            x = tf.reverse(x, 1);
            keep = keep == null ? null : tf.reverse(keep, 1);
        }
        if (training && dropout > 0) {
            x = tf.mul(x, dropMask(dropout, batch, 1, features));
        }
        Tensor projection = tf.reshape(tf.matmul(tf.reshape(x, batch * time, features), kernel.read()),
                batch, time, gates() * units);
        if (bias != null) {
            projection = tf.add(projection, inputBias(bias.read()));
        }
        Tensor[] state = initialStates(initialState, batch);
        Tensor recurrentDrop = training && recurrentDropout > 0 ? dropMask(recurrentDropout, batch, units) : null;
        Tensor[] fusedOut = recurrentDrop == null
                ? fused(projection, state, keep == null ? tf.ones(batch, time) : keep) : null;
        Tensor sequence;
        Tensor[] finalState;
        if (fusedOut != null) {
            sequence = fusedOut[0];
            finalState = Arrays.copyOfRange(fusedOut, 1, fusedOut.length);
        } else {
            Tensor[] steps = tf.unstack(projection, 1);
            Tensor[] keeps = keep == null ? null : tf.unstack(tf.greater(keep, Tensor.scalar(0f)), 1);
            List<Tensor> outputs = new ArrayList<>();
            for (int t = 0; t < time; t++) {
                Tensor[] next = step(steps[t], state, recurrentDrop);
                if (keeps != null) {
                    Tensor k = tf.broadcastTo(tf.reshape(keeps[t], batch, 1), batch, units);
                    for (int i = 0; i < next.length; i++) {
                        next[i] = tf.where(k, next[i], state[i]);
                    }
                }
                state = next;
                outputs.add(state[0]);
            }
            sequence = returnSequences ? tf.stack(outputs, 1) : null;
            finalState = state;
        }
        if (states != null) {
            for (int i = 0; i < states.size(); i++) {
                states.get(i).assign(finalState[i]);
            }
        }
        Tensor output = finalState[0];
        if (returnSequences) {
            output = zeroOutputForMask && keep != null ? tf.mul(sequence, tf.reshape(keep, batch, time, 1)) : sequence;
        }
        List<Tensor> result = new ArrayList<>();
        result.add(output);
        Collections.addAll(result, finalState);
        return result;
    }

    private Tensor[] initialStates(List<Tensor> given, int batch) {
        Tensor[] state = new Tensor[stateCount()];
        for (int i = 0; i < state.length; i++) {
            if (!given.isEmpty()) {
                state[i] = tf.cast(given.get(i), dtype());
            } else if (states != null) {
                state[i] = states.get(i).read();
            } else {
                state[i] = tf.zeros(batch, units);
            }
        }
        return state;
    }

    /** Keeps each unit with probability 1 - rate, scaled by 1 / (1 - rate), as Keras' cells. */
    private static Tensor dropMask(double rate, int... shape) {
        if (rate >= 1) {
            return tf.zeros(shape);
        }
        return new Dropout(rate).apply(tf.ones(shape), true);
    }

    // ---- config ----

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("return_sequences", returnSequences);
        config.put("return_state", returnState);
        config.put("go_backwards", goBackwards);
        config.put("stateful", stateful);
        config.put("unroll", unroll);
        config.put("time_major", false);
        config.put("units", units);
        config.put("activation", activation);
        putCellActivations(config);
        config.put("use_bias", useBias);
        config.put("kernel_initializer", kernelInitializer);
        config.put("recurrent_initializer", recurrentInitializer);
        config.put("bias_initializer", biasInitializer);
        putCellOptions(config);
        config.put("kernel_regularizer", kernelRegularizer);
        config.put("recurrent_regularizer", recurrentRegularizer);
        config.put("bias_regularizer", biasRegularizer);
        config.put("activity_regularizer", null);
        config.put("kernel_constraint", kernelConstraint);
        config.put("recurrent_constraint", recurrentConstraint);
        config.put("bias_constraint", biasConstraint);
        config.put("dropout", dropout);
        config.put("recurrent_dropout", recurrentDropout);
        putCellTail(config);
        return config;
    }

    /** Config keys right after activation (recurrent_activation). */
    protected void putCellActivations(Map<String, Object> config) {}

    /** Config keys right after the initializers (unit_forget_bias). */
    protected void putCellOptions(Map<String, Object> config) {}

    /** Config keys at the end (implementation, reset_after). */
    protected void putCellTail(Map<String, Object> config) {}

    /** A fresh, unbuilt layer of the same class and arguments: Bidirectional's copies. */
    protected abstract L sameArguments();

    /** Copies the shared arguments onto {@code copy} (a fresh layer of this class). */
    protected L copyArgumentsTo(L copy) {
        Recurrent<L> c = copy;
        c.activation = activation;
        c.useBias = useBias;
        c.kernelInitializer = kernelInitializer;
        c.recurrentInitializer = recurrentInitializer;
        c.biasInitializer = biasInitializer;
        c.kernelRegularizer = kernelRegularizer;
        c.recurrentRegularizer = recurrentRegularizer;
        c.biasRegularizer = biasRegularizer;
        c.kernelConstraint = kernelConstraint;
        c.recurrentConstraint = recurrentConstraint;
        c.biasConstraint = biasConstraint;
        c.dropout = dropout;
        c.recurrentDropout = recurrentDropout;
        c.returnSequences = returnSequences;
        c.returnState = returnState;
        c.goBackwards = goBackwards;
        c.stateful = stateful;
        c.unroll = unroll;
        c.setDtype(dtype());
        return copy;
    }

    /** The shared default-activation test for fused ops: tanh and (for gated cells) sigmoid. */
    protected boolean hasDefaultActivation() {
        return activation.name().equals("tanh");
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }
}
