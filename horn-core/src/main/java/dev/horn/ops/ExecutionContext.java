package dev.horn.ops;

import dev.horn.Tensor;
import dev.horn.TensorSpec;

/**
 * Where ops run. The default runs each op's kernel at once (eager mode); graph tracing
 * installs a context that records the op instead. Contexts nest per thread.
 */
public interface ExecutionContext {
    Tensor[] execute(Op op, Tensor[] inputs, TensorSpec[] outputs);

    ExecutionContext EAGER = (op, inputs, outputs) -> {
        Tensor[] results = op.compute(inputs, outputs);
        for (int i = 0; i < results.length; i++) {
            if (!results[i].spec().equals(outputs[i])) {
                throw new IllegalStateException(op + ": kernel produced " + results[i].spec()
                        + " for output " + i + " but its shape rule said " + outputs[i]);
            }
        }
        return results;
    };

    /** Told when a variable is created in this context (graphs collect their variables). */
    default void variableCreated(dev.horn.Variable variable) {}

    static ExecutionContext current() {
        ExecutionContext c = Contexts.CURRENT.get();
        return c == null ? EAGER : c;
    }

    /** Runs {@code body} with {@code context} current on this thread. */
    static <T> T with(ExecutionContext context, java.util.function.Supplier<T> body) {
        ExecutionContext previous = Contexts.CURRENT.get();
        Contexts.CURRENT.set(context);
        try {
            return body.get();
        } finally {
            Contexts.CURRENT.set(previous);
        }
    }

    /** Makes {@code context} current on this thread until the returned scope is closed. */
    static Scope install(ExecutionContext context) {
        ExecutionContext previous = Contexts.CURRENT.get();
        Contexts.CURRENT.set(context);
        return () -> Contexts.CURRENT.set(previous);
    }

    /** Restores the previous context when closed. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    final class Contexts {
        private static final ThreadLocal<ExecutionContext> CURRENT = new ThreadLocal<>();

        private Contexts() {}
    }
}
