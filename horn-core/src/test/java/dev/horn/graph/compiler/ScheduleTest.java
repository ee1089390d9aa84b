package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Variable;
import dev.horn.ops.Op;
import dev.horn.ops.math.Exp;
import dev.horn.ops.random.RandomTensor;
import dev.horn.ops.state.AssignVariable;
import dev.horn.ops.state.ReadVariable;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** Which steps a schedule orders: data dependencies and conflicting state accesses. */
class ScheduleTest {
    private static boolean dependsOn(Schedule s, int later, int earlier) {
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(java.util.List.of(earlier));
        boolean[] seen = new boolean[s.successors.length];
        while (!work.isEmpty()) {
            for (int b : s.successors[work.pop()]) {
                if (b == later) {
                    return true;
                }
                if (!seen[b]) {
                    seen[b] = true;
                    work.push(b);
                }
            }
        }
        return false;
    }

    @Test
    void variableAccessesKeepTheirOrderOnlyWhereTheyConflict() {
        Variable v = new Variable(tf.zeros(2));
        Variable w = new Variable(tf.zeros(2));
        // slots: 0 read v, 1 read v, 2 read w, 3 read v
        Op[] ops = {new ReadVariable(v), new ReadVariable(v), new AssignVariable(v, AssignVariable.Mode.SET),
            new ReadVariable(w), new AssignVariable(w, AssignVariable.Mode.ADD), new ReadVariable(v)};
        int[][] ins = {{}, {}, {0}, {}, {2}, {}};
        int[][] outs = {{0}, {1}, {}, {2}, {}, {3}};
        Schedule s = new Schedule(ops, ins, outs, 4, new int[] {1, 3});
        assertThat(dependsOn(s, 1, 0)).as("two reads may swap").isFalse();
        assertThat(dependsOn(s, 2, 0)).isTrue();
        assertThat(dependsOn(s, 2, 1)).as("the write waits for every earlier read").isTrue();
        assertThat(dependsOn(s, 5, 2)).as("the read after the write sees it").isTrue();
        assertThat(dependsOn(s, 3, 2)).as("w is independent of v").isFalse();
        assertThat(dependsOn(s, 4, 3)).isTrue();
        assertThat(dependsOn(s, 5, 4)).isFalse();
        assertThat(s.hasIndependentSteps).isTrue();
    }

    @Test
    void aWriteWaitsForTheUsersOfEarlierReadsSoItMayUpdateInPlace() {
        Variable v = new Variable(tf.zeros(2));
        // 0 read v -> slot 0; 1 exp(slot 0) -> slot 1 (a user); 2 exp(slot 1) -> slot 2 (through it);
        // 3 assign_add v; 4 exp(slot 0) -> slot 3 (a user after the write, in program order)
        Op[] ops = {new ReadVariable(v), new Exp(), new Exp(), new AssignVariable(v, AssignVariable.Mode.ADD), new Exp()};
        int[][] ins = {{}, {0}, {1}, {2}, {0}};
        int[][] outs = {{0}, {1}, {2}, {}, {3}};
        Schedule s = new Schedule(ops, ins, outs, 4, new int[] {3});
        assertThat(dependsOn(s, 3, 1)).as("a direct user of the read").isTrue();
        assertThat(dependsOn(s, 3, 2)).isTrue();
        assertThat(dependsOn(s, 4, 3)).as("a later user is not made to wait").isFalse();
    }

    @Test
    void randomOpsAndUnknownStatefulOpsKeepTheirOrder() {
        Op unknown = new Op("side_effect") {
            @Override
            public dev.horn.TensorSpec[] infer(dev.horn.TensorSpec... inputs) {
                return new dev.horn.TensorSpec[0];
            }

            @Override
            public dev.horn.Tensor[] compute(dev.horn.Tensor[] inputs, dev.horn.TensorSpec[] outputs) {
                return new dev.horn.Tensor[0];
            }

            @Override
            public boolean isStateful() {
                return true;
            }
        };
        Variable v = new Variable(tf.zeros(2));
        Op[] ops = {new RandomTensor(RandomTensor.Distribution.UNIFORM, Shape.of(2), DType.FLOAT32, 0, 1, null),
            new Exp(), new RandomTensor(RandomTensor.Distribution.NORMAL, Shape.of(2), DType.FLOAT32, 0, 1, null),
            new ReadVariable(v), unknown, new ReadVariable(v)};
        int[][] ins = {{}, {}, {}, {}, {}, {}};
        int[][] outs = {{0}, {1}, {2}, {3}, {}, {4}};
        Schedule s = new Schedule(ops, ins, outs, 5, new int[] {0, 1, 2, 3, 4});
        assertThat(dependsOn(s, 2, 0)).as("random draws keep their order").isTrue();
        assertThat(dependsOn(s, 1, 0)).as("a stateless step is free").isFalse();
        assertThat(dependsOn(s, 3, 2)).as("a variable read is independent of random draws").isFalse();
        assertThat(dependsOn(s, 4, 2)).as("an op of unknown state waits for every stateful step").isTrue();
        assertThat(dependsOn(s, 4, 3)).isTrue();
        assertThat(dependsOn(s, 5, 4)).isTrue();
    }

    @Test
    void aSlotIsCountedOncePerReadingStepAndFetchesAreKept() {
        Op[] ops = {new Exp(), new dev.horn.ops.math.Add(), new Exp()};
        int[][] ins = {{0}, {1, 1}, {1}};
        int[][] outs = {{1}, {2}, {3}};
        Schedule s = new Schedule(ops, ins, outs, 4, new int[] {2, 3});
        assertThat(s.readers[1]).isEqualTo(2);
        assertThat(s.readers[2]).isEqualTo(Schedule.KEPT);
        assertThat(s.predecessors).containsExactly(0, 1, 1);
        assertThat(s.hasIndependentSteps).isTrue();
    }
}
