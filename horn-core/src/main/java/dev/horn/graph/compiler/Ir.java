package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.Const;
import dev.horn.graph.Node;
import dev.horn.graph.Output;
import dev.horn.graph.Placeholder;
import dev.horn.ops.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler's working form of a graph: steps (op applications) in execution order over
 * values, with the values the caller feeds, the values it fetches and the steps it runs for
 * their effects. Passes rewrite it in place.
 */
final class Ir {
    /** A tensor flowing between steps: fed, constant, or produced by a step. */
    static final class Value {
        final TensorSpec spec;
        Step producer;
        Tensor constant;
        final String name;

        Value(TensorSpec spec, String name) {
            this.spec = spec;
            this.name = name;
        }

        boolean isConstant() {
            return constant != null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One op application. */
    static final class Step {
        Op op;
        Value[] inputs;
        Value[] outputs;
        final String name;

        Step(Op op, Value[] inputs, Value[] outputs, String name) {
            this.op = op;
            this.inputs = inputs;
            this.outputs = outputs;
            this.name = name;
            for (Value v : outputs) {
                v.producer = this;
            }
        }
    }

    final List<Step> steps = new ArrayList<>();
    final List<Value> feeds = new ArrayList<>();
    final List<Value> results = new ArrayList<>();
    final Set<Step> targets = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Lowers the part of a graph needed for {@code fetches} and {@code targets}; every
     * placeholder reached must be among {@code feeds}.
     */
    static Ir lower(List<Node> nodes, List<Output> feeds, List<Output> fetches, List<Node> targets) {
        Set<Node> needed = reachable(fetches, targets);
        Ir ir = new Ir();
        Map<Node, Value[]> values = new IdentityHashMap<>();
        Map<Node, Integer> feedIndex = new IdentityHashMap<>();
        for (int i = 0; i < feeds.size(); i++) {
            feedIndex.put(feeds.get(i).node(), i);
        }
        Value[] fed = new Value[feeds.size()];
        for (Node n : nodes) {
            if (!needed.contains(n) && !feedIndex.containsKey(n)) {
                continue;
            }
            Value[] outs = new Value[n.outputs().length];
            for (int i = 0; i < outs.length; i++) {
                outs[i] = new Value(n.outputs()[i], outs.length == 1 ? n.name() : n.name() + ":" + i);
            }
            values.put(n, outs);
            if (feedIndex.containsKey(n)) {
                fed[feedIndex.get(n)] = outs[0];
                continue;
            }
            if (n.op() instanceof Placeholder) {
                throw new IllegalArgumentException("You must feed a value for placeholder tensor '" + n.name()
                        + "' with dtype " + n.outputs()[0].dtype() + " and shape " + n.outputs()[0].shape());
            }
            if (n.op() instanceof Const c) {
                outs[0].constant = c.value();
                continue;
            }
            Value[] ins = new Value[n.inputs().size()];
            for (int i = 0; i < ins.length; i++) {
                Output in = n.inputs().get(i);
                ins[i] = values.get(in.node())[in.index()];
            }
            Step step = new Step(n.op(), ins, outs, n.name());
            ir.steps.add(step);
            if (targets.contains(n)) {
                ir.targets.add(step);
            }
        }
        ir.feeds.addAll(List.of(fed));
        for (Output f : fetches) {
            ir.results.add(values.get(f.node())[f.index()]);
        }
        return ir;
    }

    private static Set<Node> reachable(List<Output> fetches, List<Node> targets) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> work = new ArrayDeque<>(targets);
        fetches.forEach(f -> work.add(f.node()));
        while (!work.isEmpty()) {
            Node n = work.pop();
            if (seen.add(n)) {
                n.inputs().forEach(in -> work.push(in.node()));
            }
        }
        return seen;
    }

    /** Number of steps reading each value, plus one for each fetch. */
    Map<Value, Integer> useCounts() {
        Map<Value, Integer> uses = new IdentityHashMap<>();
        for (Step s : steps) {
            for (Value v : s.inputs) {
                uses.merge(v, 1, Integer::sum);
            }
        }
        for (Value v : results) {
            uses.merge(v, 1, Integer::sum);
        }
        return uses;
    }

    /** Replaces every use of {@code from} by {@code to}. */
    void replaceUses(Value from, Value to) {
        for (Step s : steps) {
            for (int i = 0; i < s.inputs.length; i++) {
                if (s.inputs[i] == from) {
                    s.inputs[i] = to;
                }
            }
        }
        results.replaceAll(v -> v == from ? to : v);
    }

    /** Drops steps whose outputs nobody uses, unless the caller runs them for their effects. */
    void prune() {
        Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(results);
        List<Step> kept = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            boolean used = targets.contains(s);
            for (Value out : s.outputs) {
                used |= live.contains(out);
            }
            if (used) {
                kept.add(s);
                live.addAll(List.of(s.inputs));
            }
        }
        Collections.reverse(kept);
        steps.clear();
        steps.addAll(kept);
    }
}
