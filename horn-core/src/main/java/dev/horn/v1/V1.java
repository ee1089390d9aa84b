package dev.horn.v1;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Graph;
import dev.horn.graph.Node;
import dev.horn.ops.ExecutionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow 1's graph-building entry points ({@code tf.compat.v1}): after
 * {@link #disableEagerExecution()}, every op on this thread adds a node to the default graph
 * instead of running, and a {@link Session} runs the graph.
 * {@snippet :
 * V1.disableEagerExecution();
 * var x = V1.placeholder(DType.FLOAT32, -1, 3);
 * var y = tf.reduceSum(x, 1);
 * try (var sess = new Session()) {
 *     sess.run(y, Map.of(x, tf.ones(2, 3)));   // [3. 3.]
 * }
 * }
 */
public final class V1 {
    private static final ThreadLocal<Graph> DEFAULT = new ThreadLocal<>();
    private static final ThreadLocal<ExecutionContext.Scope> SCOPE = new ThreadLocal<>();

    private V1() {}

    /** Switches this thread to graph building with a fresh default graph, as {@code disable_eager_execution}. */
    public static Graph disableEagerExecution() {
        return resetDefaultGraph();
    }

    /** Replaces the default graph with an empty one and makes it current. */
    public static Graph resetDefaultGraph() {
        ExecutionContext.Scope previous = SCOPE.get();
        if (previous != null) {
            previous.close();
        }
        Graph g = new Graph();
        DEFAULT.set(g);
        SCOPE.set(g.asDefault());
        return g;
    }

    /** Returns to eager execution on this thread. */
    public static void enableEagerExecution() {
        ExecutionContext.Scope previous = SCOPE.get();
        if (previous != null) {
            previous.close();
        }
        SCOPE.remove();
        DEFAULT.remove();
    }

    public static Graph getDefaultGraph() {
        Graph g = DEFAULT.get();
        if (g == null) {
            throw new IllegalStateException("there is no default graph: call V1.disableEagerExecution() first");
        }
        return g;
    }

    /** A placeholder in the default graph; -1 marks an unknown dimension. */
    public static Tensor placeholder(DType dtype, int... shape) {
        return getDefaultGraph().placeholder(dtype, shape);
    }

    /** A variable of the default graph. */
    public static Variable variable(Tensor initialValue) {
        return new Variable(initialValue);
    }

    /** The operation that initialises every variable of the default graph. */
    public static Operation globalVariablesInitializer() {
        Graph g = getDefaultGraph();
        List<Node> inits = new ArrayList<>();
        for (Variable v : List.copyOf(g.variables())) {
            v.initializer();
            inits.add(g.nodes().getLast());
        }
        return new Operation("init", inits);
    }
}
