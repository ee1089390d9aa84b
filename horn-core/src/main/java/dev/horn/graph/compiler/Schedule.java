package dev.horn.graph.compiler;

import dev.horn.ops.Op;
import dev.horn.ops.StateAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dependency graph of a program's steps, built once at compile time. Step b depends on step
 * a when b reads a slot a writes, or when both are stateful and their {@link StateAccess}es
 * conflict (the same variable written by one of them, the random seed table, or any stateful
 * op that does not say what it touches): those keep their program order. Anything else may
 * run in any order, or at the same time, with the same results.
 *
 * <p>A write of a variable also waits for every step, earlier in program order, that uses an
 * earlier read of it, directly or through other steps (a view of the value shares its array):
 * an update may then write the variable's buffer in place (see {@code Execution}).
 *
 * <p>It also counts each slot's readers, so that a run releases a slot's buffer when its last
 * reader actually finishes, whatever order the steps finish in.
 */
final class Schedule {
    /** Steps that wait for each step. */
    final int[][] successors;
    /** How many steps each step waits for. */
    final int[] predecessors;
    /** Each step's input slots, each once. */
    final int[][] distinctInputs;
    /** Steps reading each slot; {@link #KEPT} for fetched slots, which are never released. */
    final int[] readers;
    /** True when some steps do not depend on each other, so they could overlap. */
    final boolean hasIndependentSteps;

    static final int KEPT = Integer.MAX_VALUE;

    Schedule(Op[] ops, int[][] ins, int[][] outs, int slots, int[] resultSlots) {
        int n = ops.length;
        int[] producer = new int[slots];
        Arrays.fill(producer, -1);
        for (int s = 0; s < n; s++) {
            for (int v : outs[s]) {
                producer[v] = s;
            }
        }
        List<List<Integer>> preds = new ArrayList<>();
        distinctInputs = new int[n][];
        readers = new int[slots];
        for (int s = 0; s < n; s++) {
            int[] distinct = Arrays.stream(ins[s]).distinct().toArray();
            distinctInputs[s] = distinct;
            List<Integer> p = new ArrayList<>();
            for (int v : distinct) {
                readers[v]++;
                if (producer[v] >= 0) {
                    p.add(producer[v]);
                }
            }
            preds.add(p);
        }
        for (int v : resultSlots) {
            readers[v] = KEPT;
        }
        orderStatefulSteps(ops, preds, outs, slots, ins);
        predecessors = new int[n];
        int[] succCount = new int[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        List<int[]> unique = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int[] p = preds.get(s).stream().mapToInt(Integer::intValue).toArray();
            int k = 0;
            for (int a : p) {
                if (mark[a] != s) { // each predecessor once
                    mark[a] = s;
                    p[k++] = a;
                    succCount[a]++;
                }
            }
            unique.add(Arrays.copyOf(p, k));
            predecessors[s] = k;
        }
        successors = new int[n][];
        for (int s = 0; s < n; s++) {
            successors[s] = new int[succCount[s]];
            succCount[s] = 0;
        }
        for (int s = 0; s < n; s++) {
            for (int a : unique.get(s)) {
                successors[a][succCount[a]++] = s;
            }
        }
        hasIndependentSteps = !isTotalOrder();
    }

    /**
     * Adds the state edges: each stateful step waits for the earlier stateful steps it
     * conflicts with. Only the nearest conflicting writer and the readers since it are needed;
     * older ones are reached through them, so this checks each step against a short list. A
     * write also waits for the earlier users of the reads it follows.
     */
    private static void orderStatefulSteps(Op[] ops, List<List<Integer>> preds, int[][] outs, int slots, int[][] ins) {
        List<List<Integer>> consumers = new ArrayList<>();
        for (int v = 0; v < slots; v++) {
            consumers.add(new ArrayList<>());
        }
        for (int s = 0; s < ins.length; s++) {
            for (int v : ins[s]) {
                consumers.get(v).add(s);
            }
        }
        List<Integer> pending = new ArrayList<>(); // stateful steps not yet covered by a later conflicting write
        for (int s = 0; s < ops.length; s++) {
            if (!ops[s].isStateful()) {
                continue;
            }
            StateAccess access = ops[s].stateAccess();
            for (var it = pending.iterator(); it.hasNext(); ) {
                int earlier = it.next();
                StateAccess other = ops[earlier].stateAccess();
                if (access.conflictsWith(other)) {
                    preds.get(s).add(earlier);
                    if (!access.readOnly() && other.readOnly()) {
                        preds.get(s).addAll(usersBefore(s, earlier, outs, consumers));
                    }
                    if (!access.readOnly() && (access.state() == null || access.state() == other.state())) {
                        it.remove(); // this write now stands for the earlier one
                    }
                }
            }
            pending.add(s);
        }
    }

    /** The steps before {@code limit} that use what {@code read} produced, directly or through other steps. */
    private static List<Integer> usersBefore(int limit, int read, int[][] outs, List<List<Integer>> consumers) {
        List<Integer> found = new ArrayList<>();
        boolean[] seen = new boolean[limit];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(read));
        while (!todo.isEmpty()) {
            for (int v : outs[todo.pop()]) {
                for (int c : consumers.get(v)) {
                    if (c < limit && !seen[c]) {
                        seen[c] = true;
                        found.add(c);
                        todo.push(c);
                    }
                }
            }
        }
        return found;
    }

    /** True when Kahn's walk never has two steps ready at once: the steps form one chain. */
    private boolean isTotalOrder() {
        int[] waiting = predecessors.clone();
        int ready = -1;
        int readyCount = 0;
        for (int s = 0; s < waiting.length; s++) {
            if (waiting[s] == 0) {
                ready = s;
                readyCount++;
            }
        }
        for (int done = 0; done < waiting.length; done++) {
            if (readyCount != 1) {
                return false;
            }
            int s = ready;
            readyCount = 0;
            for (int b : successors[s]) {
                if (--waiting[b] == 0) {
                    ready = b;
                    readyCount++;
                }
            }
        }
        return true;
    }
}
