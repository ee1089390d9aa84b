package dev.horn.v1;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Graph;
import dev.horn.graph.Node;
import dev.horn.graph.Output;
import dev.horn.graph.compiler.Compiler;
import dev.horn.graph.compiler.CompilerOptions;
import dev.horn.graph.compiler.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parts of a graph, as TF1's {@code tf.Session}: {@code run(fetches, feeds)} computes the
 * fetched tensors (and runs fetched operations) from values fed to placeholders. Each distinct
 * combination of fetches and feeds is compiled once and cached.
 * {@snippet :
 * try (var sess = new Session()) {
 *     sess.run(V1.globalVariablesInitializer());
 *     sess.run(train);
 *     System.out.println(sess.run(W));
 * }
 * }
 */
public final class Session implements AutoCloseable {
    private final Graph graph;
    private final Map<List<Object>, Program> programs = new HashMap<>();
    private boolean closed;

    /** A session on the default graph (see {@link V1#disableEagerExecution()}). */
    public Session() {
        this(V1.getDefaultGraph());
    }

    public Session(Graph graph) {
        this.graph = graph;
    }

    public Graph graph() {
        return graph;
    }

    /** Computes one tensor. */
    public Tensor run(Tensor fetch) {
        return run(List.of(fetch), Map.of()).getFirst();
    }

    /** Computes one tensor from fed placeholder values. */
    public Tensor run(Tensor fetch, Map<Tensor, Tensor> feeds) {
        return run(List.of(fetch), feeds).getFirst();
    }

    /** The value of a variable. */
    public Tensor run(Variable variable) {
        if (!variable.isInitialized()) {
            throw new IllegalStateException("Attempting to use uninitialized value " + variable.name());
        }
        return variable.storedValue();
    }

    /** Runs an operation for its effects. */
    public void run(Operation operation) {
        run(List.of(operation), Map.of());
    }

    public void run(Operation operation, Map<Tensor, Tensor> feeds) {
        run(List.of(operation), feeds);
    }

    /**
     * Runs fetches (tensors, variables, operations) with fed placeholders; returns one value per
     * fetch, null for operations. Feed order does not matter.
     */
    public List<Tensor> run(List<?> fetches, Map<Tensor, Tensor> feeds) {
        if (closed) {
            throw new IllegalStateException("Attempted to use a closed Session");
        }
        List<Output> fetchOutputs = new ArrayList<>();
        List<Node> targets = new ArrayList<>();
        List<Integer> position = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        for (Object f : fetches) {
            switch (f) {
                case Tensor t -> {
                    position.add(fetchOutputs.size());
                    fetchOutputs.add(graph.outputOf(t));
                }
                case Operation op -> {
                    position.add(-1);
                    targets.addAll(op.nodes());
                }
                case Variable v -> {
                    position.add(-2 - variables.size());
                    variables.add(v);
                }
                default -> throw new IllegalArgumentException("cannot fetch " + f
                        + ": fetches are tensors, variables or operations");
            }
        }
        Map<Output, Tensor> fed = new LinkedHashMap<>();
        for (Map.Entry<Tensor, Tensor> e : feeds.entrySet()) {
            fed.put(graph.outputOf(e.getKey()), e.getValue());
        }
        List<Output> feedOutputs = new ArrayList<>(fed.keySet());
        List<Object> key = List.of(fetchOutputs, feedOutputs, targets);
        Program program = programs.computeIfAbsent(key,
                k -> Compiler.compile(graph.nodes(), feedOutputs, fetchOutputs, targets, CompilerOptions.ALL));
        Tensor[] values = program.run(fed.values().toArray(Tensor[]::new));
        List<Tensor> result = new ArrayList<>();
        for (int p : position) {
            result.add(p >= 0 ? values[p] : p == -1 ? null : run(variables.get(-2 - p)));
        }
        return result;
    }

    @Override
    public void close() {
        closed = true;
        programs.clear();
    }
}
