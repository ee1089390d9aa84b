package dev.horn.graph;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.ops.ExecutionContext;
import dev.horn.ops.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataflow graph: nodes (op applications) over symbolic tensors, recorded by running
 * ordinary op code while the graph is the current context ({@link #asDefault()}). Nodes are
 * kept in the order they were recorded, which is a valid execution order and the order in
 * which stateful ops (variable assignments) take effect.
 * {@snippet :
 * var g = new Graph();
 * Tensor y;
 * try (var scope = g.asDefault()) {
 *     var x = g.placeholder(DType.FLOAT32, -1, 3);
 *     y = tf.reduceSum(tf.mul(x, x), 1);
 * }
 * System.out.println(g.toText());
 * }
 */
public final class Graph {
    private final List<Node> nodes = new ArrayList<>();
    private final java.util.Set<Node> members = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private final List<Variable> variables = new ArrayList<>();
    private final Map<Tensor, Output> captured = new java.util.IdentityHashMap<>();

    /** Records a node; ops call this through the tracing context, not directly. */
    public Node addNode(Op op, List<Output> inputs, TensorSpec[] outputs) {
        Node node = new Node(nodes.size(), uniqueName(op.name()), op, inputs, outputs);
        nodes.add(node);
        members.add(node);
        return node;
    }

    private String uniqueName(String base) {
        int n = nameCounts.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** A graph input of the given dtype and shape (-1 = unknown, as None in TensorFlow). */
    public Tensor placeholder(DType dtype, int... dims) {
        Node node = addNode(new Placeholder(new TensorSpec(dtype, Shape.of(dims))), List.of(),
                new TensorSpec[] {new TensorSpec(dtype, Shape.of(dims))});
        return symbolic(node.output(0));
    }

    /** The symbolic tensor standing for a node output: one instance per output. */
    public static Tensor symbolic(Output output) {
        return output.node().symbolic(output.index());
    }

    /** The node output a tensor stands for in this graph: its own, or a constant capturing an eager tensor. */
    public Output outputOf(Tensor t) {
        if (t.isSymbolic()) {
            if (!(t.producer() instanceof Output out) || !members.contains(out.node())) {
                throw new IllegalArgumentException("tensor " + t + " belongs to another graph");
            }
            return out;
        }
        return captured.computeIfAbsent(t, value -> addNode(new Const(value), List.of(),
                new TensorSpec[] {value.spec()}).output(0));
    }

    /** Variables created while this graph was the default. */
    public List<Variable> variables() {
        return Collections.unmodifiableList(variables);
    }

    void addVariable(Variable v) {
        variables.add(v);
    }

    /** Makes this graph the current context on this thread: ops record nodes instead of running. */
    public ExecutionContext.Scope asDefault() {
        return ExecutionContext.install(new TracingContext(this));
    }

    /** One line per node: {@code %3 = matmul(%1, %2) [transpose_a=false, ...] : float32[-1, 10]}. */
    public String toText() {
        return GraphDump.text(nodes);
    }

    /** The graph in Graphviz dot syntax. */
    public String toDot() {
        return GraphDump.dot(nodes);
    }

    @Override
    public String toString() {
        return "Graph(" + nodes.size() + " nodes)";
    }
}
