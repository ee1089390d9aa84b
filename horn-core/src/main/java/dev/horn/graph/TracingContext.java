package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.ops.ExecutionContext;
import dev.horn.ops.Op;
import java.util.ArrayList;
import java.util.List;

/** The context that records ops into a graph: every op call adds a node and returns symbolic tensors. */
final class TracingContext implements ExecutionContext {
    private final Graph graph;

    TracingContext(Graph graph) {
        this.graph = graph;
    }

    @Override
    public Tensor[] execute(Op op, Tensor[] inputs, TensorSpec[] outputs) {
        List<Output> in = new ArrayList<>(inputs.length);
        for (Tensor t : inputs) {
            in.add(graph.outputOf(t));
        }
        Node node = graph.addNode(op, in, outputs);
        Tensor[] results = new Tensor[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            results[i] = Graph.symbolic(node.output(i));
        }
        return results;
    }

    @Override
    public void variableCreated(Variable variable) {
        graph.addVariable(variable);
    }
}
