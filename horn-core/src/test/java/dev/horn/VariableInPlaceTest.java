package dev.horn;

import dev.horn.graph.Function;
import dev.horn.ops.state.ApplyRmsProp;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled updates write a variable's buffer in place, yet no tensor a user holds ever changes:
 * eager reads, {@code storedValue}, fetched reads, values assigned elsewhere, and reads used
 * after the update in program order all keep the values they had.
 */
class VariableInPlaceTest {
    private static final Tensor LR = Tensor.scalar(0.1f);

    private static Function rmsStep(Variable w, Variable v) {
        return Function.ofMany(in -> {
            new ApplyRmsProp(w, v, 0.9, 1e-7).applyAll(in[0], LR);
            return new Tensor[0];
        });
    }

    private static Object buffer(Variable v) {
        return v.updateSource().storage();
    }

    @Test
    void compiledOptimizerStepsReuseTheVariablesBuffers() {
        Variable w = new Variable(tf.ones(4, 3));
        Variable v = new Variable(tf.zeros(4, 3));
        Function step = rmsStep(w, v);
        Tensor g = tf.fill(0.5f, 4, 3);
        step.callMany(g); // the first update cannot write the initial value: the caller may hold it
        Object w1 = buffer(w);
        Object v1 = buffer(v);
        step.callMany(g);
        step.callMany(g);
        assertThat(buffer(w)).isSameAs(w1);
        assertThat(buffer(v)).isSameAs(v1);
    }

    @Test
    void aWarmCompiledOptimizerStepAllocatesNothing() {
        Variable w = new Variable(tf.ones(6, 4));
        Variable v = new Variable(tf.zeros(6, 4));
        Function step = Function.ofMany(in -> {
            // the gradient's buffer is read by the update and then reused, never kept
            new ApplyRmsProp(w, v, 0.9, 1e-7).applyAll(tf.matmul(in[0], in[1], true, false), LR);
            return new Tensor[0];
        });
        Tensor a = tf.randomNormal(3, 6);
        Tensor b = tf.randomNormal(3, 4);
        for (int i = 0; i < 3; i++) {
            step.callMany(a, b);
        }
        var program = step.concrete(java.util.List.of(a.spec(), b.spec())).program();
        assertThat(program.lastMemoryStats().allocations()).isZero();
    }

    @Test
    void compiledAssignAddReusesTheBuffer() {
        Variable w = new Variable(tf.zeros(5));
        Function add = Function.ofMany(in -> {
            w.assignAdd(in[0]);
            return new Tensor[0];
        });
        add.callMany(tf.ones(5));
        Object first = buffer(w);
        add.callMany(tf.ones(5));
        add.callMany(tf.ones(5));
        assertThat(buffer(w)).isSameAs(first);
        assertThat(w.read().toFloatArray()).containsExactly(3, 3, 3, 3, 3);
    }

    @Test
    void eagerReadsAndStoredValuesNeverChange() {
        Variable w = new Variable(tf.ones(6));
        Variable v = new Variable(tf.zeros(6));
        Function step = rmsStep(w, v);
        Tensor g = tf.fill(0.25f, 6);
        step.callMany(g);
        step.callMany(g);
        Tensor read = w.read();
        Tensor stored = w.storedValue();
        float[] before = read.toFloatArray();
        step.callMany(g);
        step.callMany(g);
        assertThat(read.toFloatArray()).containsExactly(before);
        assertThat(stored.toFloatArray()).containsExactly(before);
        assertThat(w.updateSource().toFloatArray()[0]).isLessThan(before[0]);
        Object after = buffer(w);
        step.callMany(g);
        assertThat(buffer(w)).as("in place again once the snapshot's buffer was left behind").isSameAs(after);
    }

    @Test
    void aFetchedReadKeepsTheValueOfItsMoment() {
        Variable w = new Variable(tf.ones(3));
        Variable v = new Variable(tf.zeros(3));
        Function step = Function.ofMany(in -> {
            Tensor before = w.read();
            new ApplyRmsProp(w, v, 0.9, 1e-7).applyAll(in[0], LR);
            return new Tensor[] {before, before.mul(Tensor.scalar(2f))};
        });
        Tensor g = tf.fill(1f, 3);
        step.callMany(g);
        Tensor[] second = step.callMany(g);
        float[] fetched = second[0].toFloatArray();
        float[] doubled = second[1].toFloatArray();
        assertThat(fetched[0]).isLessThan(1f);
        assertThat(doubled[0]).as("a use after the update in program order sees the read's value").isEqualTo(2 * fetched[0]);
        step.callMany(g);
        step.callMany(g);
        assertThat(second[0].toFloatArray()).containsExactly(fetched);
    }

    @Test
    void aValueAssignedToAnotherVariableIsNotOverwritten() {
        Variable w = new Variable(tf.ones(3));
        Variable v = new Variable(tf.zeros(3));
        Variable copy = new Variable(tf.zeros(3));
        Function step = Function.ofMany(in -> {
            copy.assign(w.read());
            w.assignAdd(in[0]);
            return new Tensor[0];
        });
        Function warm = rmsStep(w, v);
        warm.callMany(tf.ones(3)); // w now holds a buffer an update made
        float[] wBefore = w.updateSource().toFloatArray();
        step.callMany(tf.ones(3));
        assertThat(copy.read().toFloatArray()).containsExactly(wBefore);
        step.callMany(tf.ones(3));
        assertThat(copy.read().toFloatArray()[0]).isEqualTo(wBefore[0] + 1);
        assertThat(w.read().toFloatArray()[0]).isEqualTo(wBefore[0] + 2);
    }

    @Test
    void aValueTheCallerAssignedIsNeverWrittenInPlace() {
        Tensor mine = tf.ones(4);
        Variable w = new Variable(tf.zeros(4));
        w.assign(mine);
        Function add = Function.ofMany(in -> {
            w.assignAdd(in[0]);
            return new Tensor[0];
        });
        add.callMany(tf.ones(4));
        add.callMany(tf.ones(4));
        assertThat(mine.toFloatArray()).containsExactly(1, 1, 1, 1);
        assertThat(w.read().toFloatArray()).containsExactly(3, 3, 3, 3);
    }
}
