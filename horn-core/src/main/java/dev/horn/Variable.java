package dev.horn;

import dev.horn.autodiff.GradientTape;
import dev.horn.ops.state.AssignVariable;
import dev.horn.ops.state.ReadVariable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mutable state: a named slot holding a tensor of fixed dtype and shape, as {@code tf.Variable}.
 * Reading goes through an op, so it works eagerly and inside traced graphs (where each run
 * reads the value current at that moment); {@link #assign} and friends are ops too.
 * Trainable variables that are read while a {@link GradientTape} is open are watched by it.
 * {@snippet :
 * var w = new Variable(tf.zeros(3));
 * w.assignAdd(tf.ones(3));        // w is [1. 1. 1.]
 * }
 *
 * <p>A variable whose initial value is symbolic (built while tracing a graph, as in the TF1
 * API) is uninitialised until its {@link #initializer()} runs.
 */
public final class Variable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final DType dtype;
    private final Shape shape;
    private final boolean trainable;
    private final Tensor initialValue;
    private volatile Tensor value;

    public Variable(Tensor initialValue) {
        this(initialValue, null, true);
    }

    public Variable(Tensor initialValue, String name, boolean trainable) {
        int n = COUNTER.getAndIncrement();
        this.name = name != null ? name : n == 0 ? "Variable" : "Variable_" + n;
        this.dtype = initialValue.dtype();
        this.shape = initialValue.shape();
        this.trainable = trainable;
        this.initialValue = initialValue;
        this.value = initialValue.isSymbolic() ? null : initialValue.contiguous();
        dev.horn.ops.ExecutionContext.current().variableCreated(this);
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    public Shape shape() {
        return shape;
    }

    public boolean trainable() {
        return trainable;
    }

    /** The current value (a read op: symbolic while tracing, concrete when eager). */
    public Tensor read() {
        Tensor t = new ReadVariable(this).apply();
        if (trainable) {
            GradientTape.watchVariable(this, t);
        }
        return t;
    }

    /** Sets the value; the new value must have this variable's dtype and shape. */
    public void assign(Tensor newValue) {
        new AssignVariable(this, AssignVariable.Mode.SET).applyAll(newValue);
    }

    public void assignAdd(Tensor delta) {
        new AssignVariable(this, AssignVariable.Mode.ADD).applyAll(delta);
    }

    public void assignSub(Tensor delta) {
        new AssignVariable(this, AssignVariable.Mode.SUB).applyAll(delta);
    }

    /** Sets the initial value again (what {@code global_variables_initializer} runs). */
    public void initializer() {
        assign(initialValue);
    }

    /** The value this variable starts from (symbolic when it was created in a graph). */
    public Tensor initialValue() {
        return initialValue;
    }

    public boolean isInitialized() {
        return value != null;
    }

    /** The stored value, for the variable ops' kernels; fails as TensorFlow does when uninitialised. */
    public Tensor storedValue() {
        Tensor v = value;
        if (v == null) {
            throw new IllegalStateException("Attempting to use uninitialized value " + name
                    + ": run its initializer (global variables initializer) first");
        }
        return v;
    }

    /** Replaces the stored value, for the variable ops' kernels. */
    public void store(Tensor newValue) {
        value = newValue;
    }

    // fluent arithmetic on the current value
    public Tensor add(Tensor other) { return read().add(other); }
    public Tensor sub(Tensor other) { return read().sub(other); }
    public Tensor mul(Tensor other) { return read().mul(other); }
    public Tensor div(Tensor other) { return read().div(other); }
    public Tensor matmul(Tensor other) { return read().matmul(other); }

    @Override
    public String toString() {
        Tensor v = value;
        return "<tf.Variable '" + name + ":0' shape=" + TensorFormat.shapeTuple(shape) + " dtype=" + dtype
                + (v == null ? " (uninitialized)>" : ", numpy=" + TensorFormat.values(v) + ">");
    }
}
