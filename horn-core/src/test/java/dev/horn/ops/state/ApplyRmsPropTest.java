package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fused RMSprop step gives, bit for bit, what the composed ops give: eagerly, traced, float32 and float64. */
class ApplyRmsPropTest {
    private static final double RHO = 0.9;
    private static final double EPS = 1e-7;

    /** The rule written with ops, as RMSprop wrote it before the fused op. */
    private static void composed(Variable w, Variable v, Tensor g, Tensor lr) {
        DType dt = w.dtype();
        Tensor velocity = tf.add(tf.mul(Tensor.scalar(dt, RHO), v.read()), tf.mul(Tensor.scalar(dt, 1 - RHO), tf.square(g)));
        v.assign(velocity);
        w.assignSub(tf.div(tf.mul(lr, g), tf.sqrt(tf.add(velocity, Tensor.scalar(dt, EPS)))));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void matchesTheComposedOpsBitForBit(DType dt) {
        Horn.setSeed(5);
        int n = 16 * 70 + 7; // whole vectors, a parallel split and a tail
        Tensor w0 = tf.cast(tf.randomNormal(n), dt);
        Tensor v0 = tf.cast(tf.abs(tf.randomNormal(n)), dt);
        Variable wf = new Variable(w0);
        Variable vf = new Variable(v0);
        Variable wc = new Variable(w0);
        Variable vc = new Variable(v0);
        Tensor lr = Tensor.scalar(dt, 0.001);
        for (int step = 0; step < 3; step++) {
            Tensor g = tf.cast(tf.randomNormal(n), dt);
            new ApplyRmsProp(wf, vf, RHO, EPS).applyAll(g, lr);
            composed(wc, vc, g, lr);
        }
        assertThat(wf.read().valuesEqual(wc.read())).isTrue();
        assertThat(vf.read().valuesEqual(vc.read())).isTrue();
    }

    @Test
    void tracedStepEqualsEagerStep() {
        Tensor w0 = tf.randomNormal(33, 5);
        Variable we = new Variable(w0);
        Variable ve = new Variable(tf.zeros(33, 5));
        Variable wg = new Variable(w0);
        Variable vg = new Variable(tf.zeros(33, 5));
        Function step = Function.ofMany(in -> {
            new ApplyRmsProp(wg, vg, RHO, EPS).applyAll(in[0], in[1]);
            return new Tensor[0];
        });
        Tensor lr = Tensor.scalar(0.01f);
        for (int i = 0; i < 2; i++) {
            Tensor g = tf.randomNormal(33, 5);
            new ApplyRmsProp(we, ve, RHO, EPS).applyAll(g, lr);
            step.callMany(g, lr);
        }
        assertThat(wg.read().valuesEqual(we.read())).isTrue();
        assertThat(vg.read().valuesEqual(ve.read())).isTrue();
    }

    @Test
    void mismatchedShapesNameTheWeight() {
        Variable w = new Variable(tf.zeros(3), "kernel", true);
        Variable v = new Variable(tf.zeros(3));
        assertThatThrownBy(() -> new ApplyRmsProp(w, v, RHO, EPS).applyAll(tf.zeros(4), Tensor.scalar(0.1f)))
                .hasMessageContaining("does not match weight kernel");
        assertThatThrownBy(() -> new ApplyRmsProp(w, new Variable(tf.zeros(2)), RHO, EPS))
                .hasMessageContaining("does not match weight kernel");
    }
}
