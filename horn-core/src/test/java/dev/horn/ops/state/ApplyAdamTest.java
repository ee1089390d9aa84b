package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fused Adam step gives, bit for bit, what Keras' composed ops give, with and without amsgrad. */
class ApplyAdamTest {
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-7;

    /** The rule written with ops, as Adam wrote it before the fused op. */
    private static void composed(Variable w, Variable m, Variable v, Variable vHat, Tensor g, Tensor alpha) {
        DType dt = w.dtype();
        Tensor m0 = m.read();
        Tensor mt = tf.add(m0, tf.mul(tf.sub(g, m0), Tensor.scalar(dt, 1 - B1)));
        m.assign(mt);
        Tensor v0 = v.read();
        Tensor vt = tf.add(v0, tf.mul(tf.sub(tf.square(g), v0), Tensor.scalar(dt, 1 - B2)));
        v.assign(vt);
        if (vHat != null) {
            vt = tf.maximum(vHat.read(), vt);
            vHat.assign(vt);
        }
        w.assignSub(tf.div(tf.mul(mt, alpha), tf.add(tf.sqrt(vt), Tensor.scalar(dt, EPS))));
    }

    private record State(Variable w, Variable m, Variable v, Variable vHat) {
        static State of(Tensor w0, boolean amsgrad) {
            Tensor zeros = tf.zerosLike(w0);
            return new State(new Variable(w0), new Variable(zeros), new Variable(zeros), amsgrad ? new Variable(zeros) : null);
        }

        boolean sameAs(State o) {
            return w.read().valuesEqual(o.w.read()) && m.read().valuesEqual(o.m.read()) && v.read().valuesEqual(o.v.read())
                    && (vHat == null || vHat.read().valuesEqual(o.vHat.read()));
        }
    }

    @ParameterizedTest
    @CsvSource({"FLOAT32, false", "FLOAT32, true", "FLOAT64, false", "FLOAT64, true"})
    void matchesTheComposedOpsBitForBit(DType dt, boolean amsgrad) {
        Horn.setSeed(9);
        int n = 16 * 70 + 7; // whole vectors, a parallel split and a tail
        Tensor w0 = tf.cast(tf.randomNormal(n), dt);
        State fused = State.of(w0, amsgrad);
        State ref = State.of(w0, amsgrad);
        for (int step = 1; step <= 3; step++) {
            Tensor g = tf.cast(tf.mul(tf.randomNormal(n), Tensor.scalar(4f / step)), dt); // shrinking, so v_hat matters
            Tensor alpha = Tensor.scalar(dt, 0.001 * Math.sqrt(1 - Math.pow(B2, step)) / (1 - Math.pow(B1, step)));
            new ApplyAdam(fused.w, fused.m, fused.v, fused.vHat, B1, B2, EPS).applyAll(g, alpha);
            composed(ref.w, ref.m, ref.v, ref.vHat, g, alpha);
        }
        assertThat(fused.sameAs(ref)).isTrue();
    }

    @Test
    void tracedStepsWriteInPlaceAndEqualEagerSteps() {
        Tensor w0 = tf.randomNormal(33, 5);
        State eager = State.of(w0, true);
        State traced = State.of(w0, true);
        Function step = Function.ofMany(in -> {
            new ApplyAdam(traced.w, traced.m, traced.v, traced.vHat, B1, B2, EPS).applyAll(in[0], in[1]);
            return new Tensor[0];
        });
        Tensor alpha = Tensor.scalar(0.01f);
        Object buffer = null;
        for (int i = 0; i < 3; i++) {
            Tensor g = tf.randomNormal(33, 5);
            new ApplyAdam(eager.w, eager.m, eager.v, eager.vHat, B1, B2, EPS).applyAll(g, alpha);
            step.callMany(g, alpha);
            buffer = i == 1 ? traced.w.updateSource().storage() : buffer;
        }
        assertThat(traced.w.updateSource().storage()).isSameAs(buffer);
        assertThat(traced.sameAs(eager)).isTrue();
    }

    @Test
    void badInputsNameTheWeight() {
        Variable w = new Variable(tf.zeros(3), "kernel", true);
        Variable z = new Variable(tf.zeros(3));
        assertThatThrownBy(() -> new ApplyAdam(w, z, new Variable(tf.zeros(2)), null, B1, B2, EPS))
                .hasMessageContaining("does not match weight kernel");
        assertThatThrownBy(() -> new ApplyAdam(w, z, z, null, B1, B2, EPS).applyAll(tf.zeros(3), tf.zeros(1)))
                .hasMessageContaining("alpha must be a float32 scalar");
    }
}
