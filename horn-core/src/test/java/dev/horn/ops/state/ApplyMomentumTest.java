package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** The fused momentum step gives, bit for bit, what Keras' composed SGD ops give. */
class ApplyMomentumTest {
    private static final double MOMENTUM = 0.9;

    /** The rule written with ops, as SGD wrote it before the fused op. */
    private static void composed(Variable w, Variable m, Tensor g, Tensor lr, boolean nesterov) {
        Tensor mom = Tensor.scalar(w.dtype(), MOMENTUM);
        Tensor mt = tf.sub(tf.mul(m.read(), mom), tf.mul(g, lr));
        m.assign(mt);
        w.assignAdd(nesterov ? tf.sub(tf.mul(mt, mom), tf.mul(g, lr)) : mt);
    }

    @ParameterizedTest
    @CsvSource({"FLOAT32, false", "FLOAT32, true", "FLOAT64, false", "FLOAT64, true"})
    void matchesTheComposedOpsBitForBit(DType dt, boolean nesterov) {
        Horn.setSeed(11);
        int n = 16 * 70 + 7;
        Tensor w0 = tf.cast(tf.randomNormal(n), dt);
        Variable wf = new Variable(w0);
        Variable mf = new Variable(tf.zerosLike(w0));
        Variable wc = new Variable(w0);
        Variable mc = new Variable(tf.zerosLike(w0));
        Tensor lr = Tensor.scalar(dt, 0.01);
        for (int step = 0; step < 3; step++) {
            Tensor g = tf.cast(tf.randomNormal(n), dt);
            new ApplyMomentum(wf, mf, MOMENTUM, nesterov).applyAll(g, lr);
            composed(wc, mc, g, lr, nesterov);
        }
        assertThat(wf.read().valuesEqual(wc.read())).isTrue();
        assertThat(mf.read().valuesEqual(mc.read())).isTrue();
    }
}
