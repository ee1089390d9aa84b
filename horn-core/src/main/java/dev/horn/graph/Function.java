package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.compiler.CompilerOptions;
import dev.horn.ops.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Java function of tensors compiled into a graph, as TensorFlow's {@code tf.function}: the
 * first call with a given input signature (dtypes and shapes) runs the function once on
 * symbolic tensors, recording a {@link Graph}, compiles it, and runs the compiled program;
 * later calls with the same signature only run the program. A new signature traces again.
 * {@snippet :
 * var f = Function.of(x -> tf.reduceSum(tf.mul(x[0], x[0])));
 * f.call(Tensor.of(new float[] {1, 2, 3}));     // traces, then runs: 14
 * }
 * Inside the function, Java control flow runs once per trace (it shapes the graph), variables
 * are read and assigned at every call, and a {@link dev.horn.autodiff.GradientTape} records
 * symbolic gradients into the same graph, so a whole training step becomes one program.
 */
public final class Function {
    private final java.util.function.Function<Tensor[], Tensor[]> body;
    private final CompilerOptions options;
    private final Map<List<TensorSpec>, ConcreteFunction> traces = new ConcurrentHashMap<>();

    private Function(java.util.function.Function<Tensor[], Tensor[]> body, CompilerOptions options) {
        this.body = body;
        this.options = options;
    }

    /** A function with several outputs. */
    public static Function ofMany(java.util.function.Function<Tensor[], Tensor[]> body) {
        return new Function(body, CompilerOptions.ALL);
    }

    /** A function with one output. */
    public static Function of(java.util.function.Function<Tensor[], Tensor> body) {
        return new Function(x -> new Tensor[] {body.apply(x)}, CompilerOptions.ALL);
    }

    /** The same function compiled with other compiler options (benchmarks, debugging). */
    public Function withOptions(CompilerOptions newOptions) {
        return new Function(body, newOptions);
    }

    /** Calls a one-output function. */
    public Tensor call(Tensor... args) {
        Tensor[] out = callMany(args);
        if (out.length != 1) {
            throw new IllegalStateException("this function has " + out.length + " outputs; use callMany");
        }
        return out[0];
    }

    public Tensor[] callMany(Tensor... args) {
        if (ExecutionContext.current() != ExecutionContext.EAGER) {
            return body.apply(args); // called while tracing another graph: inline it
        }
        List<TensorSpec> signature = new ArrayList<>();
        for (Tensor a : args) {
            signature.add(a.spec());
        }
        return concrete(signature).call(args);
    }

    /** The trace for a signature, tracing and compiling it on first request. */
    public ConcreteFunction concrete(List<TensorSpec> signature) {
        return traces.computeIfAbsent(List.copyOf(signature), this::trace);
    }

    /** How many signatures have been traced. */
    public int traceCount() {
        return traces.size();
    }

    private ConcreteFunction trace(List<TensorSpec> signature) {
        Graph graph = new Graph();
        List<Output> inputs = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        try (var scope = graph.asDefault()) {
            Tensor[] args = new Tensor[signature.size()];
            for (int i = 0; i < args.length; i++) {
                TensorSpec s = signature.get(i);
                args[i] = graph.placeholder(s.dtype(), s.shape().dims());
                inputs.add((Output) args[i].producer());
            }
            for (Tensor out : body.apply(args)) {
                outputs.add(graph.outputOf(out));
            }
        }
        return new ConcreteFunction(graph, signature, inputs, outputs, options);
    }
}
