package dev.horn.graph.compiler;

import dev.horn.ops.Op;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges steps that apply the same op, with equal attributes, to the same values: the second
 * one's uses read the first one's outputs. Attributes are compared field by field, so an op
 * needs no equality code of its own. Stateful ops are never merged.
 */
final class CommonSubexpressions {
    private CommonSubexpressions() {}

    /** Returns how many steps were removed. */
    static int run(Ir ir) {
        Map<Key, Ir.Step> seen = new HashMap<>();
        int merged = 0;
        for (var it = ir.steps.iterator(); it.hasNext(); ) {
            Ir.Step s = it.next();
            if (s.op.isStateful() || ir.targets.contains(s)) {
                continue;
            }
            Key key = new Key(s.op.getClass(), attributes(s.op), List.of(s.inputs));
            Ir.Step first = seen.putIfAbsent(key, s);
            if (first != null) {
                for (int i = 0; i < s.outputs.length; i++) {
                    ir.replaceUses(s.outputs[i], first.outputs[i]);
                }
                it.remove();
                merged++;
            }
        }
        return merged;
    }

    /** The op's instance fields, arrays compared by content. */
    private static List<Object> attributes(Op op) {
        List<Object> values = new ArrayList<>();
        for (Class<?> c = op.getClass(); c != Op.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object v = f.get(op);
                    values.add(v != null && v.getClass().isArray() ? new ArrayKey(v) : v);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    values.add(new Object()); // unreadable: never equal, so never merged
                }
            }
        }
        return values;
    }

    /** Inputs are compared by identity: equal keys read the very same values. */
    private record Key(Class<?> kind, List<Object> attributes, List<Ir.Value> inputs) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || kind != k.kind || !attributes.equals(k.attributes) || inputs.size() != k.inputs.size()) {
                return false;
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i) != k.inputs.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(kind, attributes);
            for (Ir.Value v : inputs) {
                h = 31 * h + System.identityHashCode(v);
            }
            return h;
        }
    }

    private record ArrayKey(Object array) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ArrayKey k && Arrays.deepEquals(new Object[] {array}, new Object[] {k.array});
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(new Object[] {array});
        }
    }
}
