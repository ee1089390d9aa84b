package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.autodiff.Backprop;
import dev.horn.ops.state.ReadVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.horn.Tf.tf;

/**
 * Symbolic gradients, graph to graph, as TF1's {@code tf.gradients}: walks the graph backwards
 * from ys and records each op's gradient rule as new nodes of the same graph. Uses the same
 * per-op gradient definitions, and the same reverse walk, as {@link dev.horn.autodiff.GradientTape}.
 */
public final class Gradients {
    private Gradients() {}

    /** d sum(ys) / d each x; the graph must be the current default. Null where no gradient flows. */
    public static List<Tensor> gradients(Graph graph, List<Tensor> ys, List<Tensor> xs) {
        Map<Output, Tensor> canonical = new HashMap<>();
        for (Tensor t : ys) {
            canonical.putIfAbsent(graph.outputOf(t), t);
        }
        for (Tensor t : xs) {
            canonical.putIfAbsent(graph.outputOf(t), t);
        }
        Set<Node> fromX = new HashSet<>();
        for (Tensor x : xs) {
            fromX.add(graph.outputOf(x).node());
        }
        List<Backprop.Entry> entries = new ArrayList<>();
        for (Node n : List.copyOf(graph.nodes())) {
            boolean reached = false;
            for (Output in : n.inputs()) {
                reached |= fromX.contains(in.node());
            }
            if (!reached || !n.op().isDifferentiable()) {
                continue;
            }
            fromX.add(n);
            Tensor[] in = new Tensor[n.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = canonical.computeIfAbsent(n.inputs().get(i), Graph::symbolic);
            }
            Tensor[] out = new Tensor[n.outputs().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = canonical.computeIfAbsent(n.output(i), Graph::symbolic);
            }
            entries.add(new Backprop.Entry(n.op(), in, out));
        }
        List<Tensor> canonicalYs = ys.stream().map(y -> canonical.get(graph.outputOf(y))).toList();
        List<Tensor> canonicalXs = xs.stream().map(x -> canonical.get(graph.outputOf(x))).toList();
        return Backprop.gradients(entries, canonicalYs, canonicalXs, t -> t.dtype().isFloating());
    }

    /** d y / d each variable, summed over every read of the variable in the graph. */
    public static List<Tensor> gradients(Graph graph, Tensor y, List<Variable> variables) {
        List<Tensor> reads = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (n.op() instanceof ReadVariable r) {
                int i = indexOf(variables, r.variable());
                if (i >= 0) {
                    reads.add(Graph.symbolic(n.output(0)));
                    owner.add(i);
                }
            }
        }
        List<Tensor> grads = gradients(graph, List.of(y), reads);
        Tensor[] sums = new Tensor[variables.size()];
        for (int k = 0; k < grads.size(); k++) {
            Tensor g = grads.get(k);
            int i = owner.get(k);
            if (g != null) {
                sums[i] = sums[i] == null ? g : tf.add(sums[i], g);
            }
        }
        return java.util.Arrays.asList(sums);
    }

    private static int indexOf(List<Variable> variables, Variable v) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i) == v) {
                return i;
            }
        }
        return -1;
    }
}
