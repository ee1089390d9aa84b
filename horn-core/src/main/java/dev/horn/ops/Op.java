package dev.horn.ops;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.autodiff.GradientTape;

/**
 * A primitive operation, defined in one place: its name and attributes (fields of the
 * instance), its shape and dtype rule ({@link #infer}), its CPU kernel ({@link #compute}) and
 * its gradient written with other ops ({@link #gradient}).
 *
 * <p>Eager calls, tape autodiff and (later) graph tracing all go through {@link #applyAll}:
 * the shape rule validates the inputs and names what is wrong, the current
 * {@link ExecutionContext} runs the kernel, and active {@link GradientTape}s record the call.
 * An op whose class does not override {@link #gradient} is not differentiable.
 */
public abstract class Op {
    private final String name;

    protected Op(String name) {
        this.name = name;
    }

    /** TensorFlow's snake_case name, such as {@code matmul} or {@code reduce_sum}. */
    public final String name() {
        return name;
    }

    /**
     * The shape and dtype rule: checks inputs and attributes, returns the outputs' specs.
     * Throws {@link IllegalArgumentException} naming the op and the offending shapes.
     */
    public abstract TensorSpec[] infer(TensorSpec... inputs);

    /** The CPU kernel; called only with inputs that passed {@link #infer}, whose results it gets. */
    public abstract Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs);

    /**
     * Gradients of a scalar loss with respect to each input, given the gradients {@code upstream}
     * with respect to each output (never null: zeros where an output was unused). Written with
     * ops, so it is itself differentiable. A null entry means "no gradient" (integer inputs,
     * indices).
     */
    public Tensor[] gradient(Tensor[] inputs, Tensor[] outputs, Tensor[] upstream) {
        throw new UnsupportedOperationException("op '" + name + "' is not differentiable");
    }

    /**
     * True for ops whose result is not a function of their inputs alone (variable reads and
     * writes, random numbers): graph passes never merge, fold or drop them.
     */
    public boolean isStateful() {
        return false;
    }

    /**
     * For a stateful op, the state it reads or writes; schedulers keep steps touching the same
     * state in program order. The default, {@link StateAccess#ANY}, orders the op with every
     * other stateful step. Not consulted for ops that are not {@link #isStateful stateful}.
     */
    public StateAccess stateAccess() {
        return StateAccess.ANY;
    }

    /**
     * True when the kernel may keep an input past its call (a variable storing it): a graph
     * executor then never reuses that input's buffer. The default: every stateful op may.
     */
    public boolean keepsInputs() {
        return isStateful();
    }

    /**
     * Rough work of one call at these (fully defined) shapes, in elements an element-wise
     * kernel would stream, for schedulers: it says whether a step is worth handing to another
     * core and whether its kernel splits across cores by itself (element-wise kernels do from
     * {@code 2 * BroadcastLoop.GRAIN} elements). The default counts the elements read and
     * written; ops whose work grows faster than their data (matmul) override it.
     */
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        long n = 0;
        for (TensorSpec t : inputs) {
            n += t.shape().isFullyDefined() ? t.shape().size() : 0;
        }
        for (TensorSpec t : outputs) {
            n += t.shape().isFullyDefined() ? t.shape().size() : 0;
        }
        return n;
    }

    /** True when this op's class defines a gradient. */
    public final boolean isDifferentiable() {
        return isDifferentiable(getClass());
    }

    public static boolean isDifferentiable(Class<? extends Op> kind) {
        return DIFFERENTIABLE.get(kind);
    }

    private static final ClassValue<Boolean> DIFFERENTIABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> kind) {
            return overrides(kind, Op.class, "gradient", Tensor[].class, Tensor[].class, Tensor[].class);
        }
    };

    /** True when {@code kind} overrides {@code method} of {@code base}: an optional form is present. */
    protected static boolean overrides(Class<?> kind, Class<?> base, String method, Class<?>... parameterTypes) {
        for (Class<?> c = kind; c != base; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(method, parameterTypes);
                return true;
            } catch (NoSuchMethodException e) {
                // keep looking up the hierarchy
            }
        }
        return false;
    }

    /** Attributes for error messages and graph dumps, such as {@code axes=[1], keepdims=true}. */
    public String attributes() {
        return "";
    }

    /** Runs the op on inputs and returns all its outputs. */
    public final Tensor[] applyAll(Tensor... inputs) {
        TensorSpec[] specs = new TensorSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name + ": input " + i + " is null");
            }
            specs[i] = inputs[i].spec();
        }
        TensorSpec[] outputs = infer(specs);
        Tensor[] results = ExecutionContext.current().execute(this, inputs, outputs);
        for (int i = 0; i < results.length; i++) {
            for (Tensor in : inputs) {
                if (results[i] == in) { // tapes tell tensors apart by identity: an output must be a new object
                    results[i] = in.isSymbolic() ? in : in.view(in.shape(), in.offset(), in.strides());
                }
            }
        }
        GradientTape.record(this, inputs.clone(), results.clone());
        return results;
    }

    /** Runs a single-output op. */
    public final Tensor apply(Tensor... inputs) {
        Tensor[] out = applyAll(inputs);
        if (out.length != 1) {
            throw new IllegalStateException(name + " has " + out.length + " outputs; use applyAll");
        }
        return out[0];
    }

    @Override
    public String toString() {
        String attrs = attributes();
        return attrs.isEmpty() ? name : name + "(" + attrs + ")";
    }
}
