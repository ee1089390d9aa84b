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
 *
 * <p>Tensors stay immutable although update kernels (optimizer steps, assign-add) may write
 * a variable's buffer in place: they do so only while no tensor outside the variable refers to
 * that buffer. The buffer must be one an update made (never a tensor the caller assigned, which
 * the caller may still hold); every value handed out ({@link #read} eagerly,
 * {@link #storedValue}, a compiled program's fetch) makes the buffer shared, so the next
 * update writes a new one (copy on write); and a compiled program's internal reads
 * ({@link #borrow}) pin it until the program's last use of them. Reading a variable in one
 * thread while another thread updates it is a race, as in TensorFlow.
 */
public final class Variable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final DType dtype;
    private final Shape shape;
    private final boolean trainable;
    private final Tensor initialValue;
    private volatile Tensor value;
    /** True while {@code value}'s buffer was made by an update and never handed out; guarded by this. */
    private boolean owned;
    /** Borrowed reads of the current buffer not yet given back; guarded by this. */
    private int borrows;

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

    /** The current value (a read op: symbolic while tracing, concrete when eager: a snapshot that never changes). */
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

    /**
     * The stored value, a snapshot that never changes (later updates write a new buffer); fails
     * as TensorFlow does when uninitialised.
     */
    public synchronized Tensor storedValue() {
        Tensor v = updateSource();
        owned = false;
        return v;
    }

    /** Replaces the stored value, for the variable ops' kernels; the caller may keep {@code newValue}. */
    public synchronized void store(Tensor newValue) {
        Tensor old = value;
        if (old == null || old.storage() != newValue.storage()) {
            borrows = 0; // pins on the old buffer no longer matter to this variable
        }
        value = newValue;
        owned = false;
    }

    /**
     * For a compiled program's read: the stored value, pinned so that no update writes it in
     * place until {@link #giveBack} (once no slot of the program refers to it any more).
     */
    public synchronized Tensor borrow() {
        Tensor v = updateSource();
        borrows++;
        return v;
    }

    /** Ends a {@link #borrow}; {@code shared} when the value escaped (fetched, kept by a stateful op). */
    public synchronized void giveBack(Tensor borrowed, boolean shared) {
        Tensor v = value;
        if (v != null && v.storage() == borrowed.storage()) {
            borrows = Math.max(0, borrows - 1);
            owned &= !shared;
        }
    }

    /** For an update kernel: the current value, read while computing the new one and not kept. */
    public Tensor updateSource() {
        Tensor v = value;
        if (v == null) {
            throw new IllegalStateException("Attempting to use uninitialized value " + name
                    + ": run its initializer (global variables initializer) first");
        }
        return v;
    }

    /**
     * For an update kernel: the array to write the new value into, element i where element i
     * of {@link #updateSource} is read — the current buffer itself when nothing else refers to
     * it, else a new one. Hand it to {@link #storeUpdate} after writing.
     */
    public synchronized Object updateTarget() {
        Tensor v = updateSource();
        Object buffer = v.storage();
        if (owned && borrows == 0 && v.offset() == 0 && v.isContiguous()
                && java.lang.reflect.Array.getLength(buffer) == v.size()) {
            dev.horn.internal.cpu.PackedOperands.invalidate(buffer); // a kernel keeping a packed copy starts it again
            return buffer;
        }
        return dev.horn.internal.cpu.HeapArrays.fresh(dtype, shape.size());
    }

    /** Makes the array an update kernel wrote (from {@link #updateTarget}) the stored value. */
    public synchronized void storeUpdate(Object target) {
        Tensor v = value;
        if (v == null || v.storage() != target) {
            value = Tensor.wrap(dtype, shape, target);
            borrows = 0;
        }
        owned = true;
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
