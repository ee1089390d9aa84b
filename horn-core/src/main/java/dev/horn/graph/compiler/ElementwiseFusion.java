package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.UnaryOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses chains of float32 element-wise steps into {@link FusedElementwise} steps. A step
 * joins the group of an operand's producer when that operand is used by this step alone
 * (so the intermediate never needs to exist in memory) and both have the same full shape.
 * The fused step takes the place of the group's last member, after all of its inputs.
 */
final class ElementwiseFusion {
    private ElementwiseFusion() {}

    private static final class Group {
        final List<Ir.Step> members = new ArrayList<>();
    }

    /** Returns how many steps were absorbed into fused steps. */
    static int run(Ir ir) {
        Map<Ir.Value, Integer> uses = ir.useCounts();
        Map<Ir.Step, Group> groupOf = new IdentityHashMap<>();
        for (Ir.Step s : ir.steps) {
            if (!fusible(s)) {
                continue;
            }
            Group g = null;
            for (Ir.Value in : s.inputs) {
                Ir.Step p = in.producer;
                Group pg = p == null ? null : groupOf.get(p);
                if (pg == null || uses.getOrDefault(in, 0) != 1 || !in.spec.shape().equals(s.outputs[0].spec.shape())
                        || ir.results.contains(in)) {
                    continue;
                }
                if (g == null) {
                    g = pg;
                } else if (g != pg) { // two chains meet here: merge them
                    for (Ir.Step m : pg.members) {
                        groupOf.put(m, g);
                    }
                    g.members.addAll(pg.members);
                }
            }
            if (g == null) {
                g = new Group();
            }
            g.members.add(s);
            groupOf.put(s, g);
        }
        Map<Ir.Step, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < ir.steps.size(); i++) {
            position.put(ir.steps.get(i), i);
        }
        int absorbed = 0;
        List<Ir.Step> rewritten = new ArrayList<>();
        for (Ir.Step s : ir.steps) {
            Group g = groupOf.get(s);
            if (g == null || g.members.size() < 2) {
                rewritten.add(s);
            } else if (g.members.getLast() == s) { // the group's one sink: the others feed it
                rewritten.add(fuse(g, position));
                absorbed += g.members.size() - 1;
            }
        }
        ir.steps.clear();
        ir.steps.addAll(rewritten);
        return absorbed;
    }

    private static boolean fusible(Ir.Step s) {
        if (s.outputs.length != 1 || s.outputs[0].spec.dtype() != DType.FLOAT32
                || !s.outputs[0].spec.shape().isFullyDefined()) {
            return false;
        }
        return (s.op instanceof UnaryOp u && u.isVectorized()) || (s.op instanceof BinaryOp b && b.isVectorized());
    }

    private static Ir.Step fuse(Group g, Map<Ir.Step, Integer> position) {
        List<Ir.Step> members = new ArrayList<>(g.members);
        members.sort(java.util.Comparator.comparingInt(position::get));
        Map<Ir.Value, Integer> produced = new IdentityHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            produced.put(members.get(i).outputs[0], i);
        }
        List<Ir.Value> inputs = new ArrayList<>();
        List<int[]> operands = new ArrayList<>();
        for (Ir.Step m : members) {
            int[] ops = new int[m.inputs.length];
            for (int k = 0; k < ops.length; k++) {
                Ir.Value v = m.inputs[k];
                if (produced.containsKey(v)) {
                    ops[k] = -1 - produced.get(v); // resolved below, once the input count is known
                } else {
                    int idx = indexOf(inputs, v);
                    if (idx < 0) {
                        inputs.add(v);
                        idx = inputs.size() - 1;
                    }
                    ops[k] = idx;
                }
            }
            operands.add(ops);
        }
        List<FusedElementwise.Step> steps = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            int[] ops = operands.get(i);
            for (int k = 0; k < ops.length; k++) {
                if (ops[k] < 0) {
                    ops[k] = inputs.size() + (-1 - ops[k]);
                }
            }
            steps.add(new FusedElementwise.Step(members.get(i).op, ops));
        }
        Ir.Step last = members.getLast();
        Shape shape = last.outputs[0].spec.shape();
        FusedElementwise op = new FusedElementwise(steps, inputs.size(), shape);
        return new Ir.Step(op, inputs.toArray(Ir.Value[]::new), last.outputs, last.name + "_fused");
    }

    private static int indexOf(List<Ir.Value> values, Ir.Value v) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == v) {
                return i;
            }
        }
        return -1;
    }
}
