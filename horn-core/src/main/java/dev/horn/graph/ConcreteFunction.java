package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.compiler.Compiler;
import dev.horn.graph.compiler.CompilerOptions;
import dev.horn.graph.compiler.Program;
import dev.horn.ops.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * One trace of a {@link Function} for one input signature: the graph it recorded and the
 * program compiled from it. Calling it runs the program; variable assignments recorded while
 * tracing run on every call, in the order they were traced.
 */
public final class ConcreteFunction {
    private final Graph graph;
    private final List<TensorSpec> signature;
    private final List<Output> outputs;
    private final Program program;

    ConcreteFunction(Graph graph, List<TensorSpec> signature, List<Output> inputs, List<Output> outputs,
                     CompilerOptions options) {
        this.graph = graph;
        this.signature = List.copyOf(signature);
        this.outputs = List.copyOf(outputs);
        List<Node> effects = new ArrayList<>();
        for (Node n : graph.nodes()) {
            Op op = n.op();
            if (op.isStateful() && n.outputs().length == 0) {
                effects.add(n);
            }
        }
        this.program = Compiler.compile(graph.nodes(), inputs, outputs, effects, options);
    }

    public Graph graph() {
        return graph;
    }

    public List<TensorSpec> signature() {
        return signature;
    }

    public Program program() {
        return program;
    }

    public Tensor[] call(Tensor... args) {
        return program.run(args);
    }

    int outputCount() {
        return outputs.size();
    }
}
