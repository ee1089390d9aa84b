package dev.horn.ops.nn;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import dev.horn.graph.compiler.Program;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** relu_grad equals the where/greater form it replaced, and lets a bias add fuse with relu. */
class ReluGradTest {
    @Test
    void float32LanesEqualTheWhereFormBitForBit() {
        Horn.setSeed(3);
        int n = 16 * 40 + 5; // whole vectors and a masked tail
        float[] y = tf.randomNormal(n).toFloatArray();
        float[] g = tf.randomNormal(n).toFloatArray();
        y[0] = Float.NaN;
        y[1] = -0f;
        y[2] = 0f;
        g[3] = Float.NaN;
        y[3] = 1;
        g[4] = -0f;
        y[4] = 2;
        Tensor yt = Tensor.of(y);
        Tensor gt = Tensor.of(g);
        Tensor expected = tf.where(tf.greater(yt, tf.zerosLike(yt)), gt, tf.zerosLike(gt));
        Tensor got = new ReluGrad().apply(gt, yt);
        assertThat(got.valuesEqual(expected)).isTrue();
        assertThat(Float.floatToRawIntBits(got.toFloatArray()[4])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(new ReluGrad().apply(tf.cast(gt, dev.horn.DType.FLOAT64), tf.cast(yt, dev.horn.DType.FLOAT64))
                .valuesEqual(tf.cast(expected, dev.horn.DType.FLOAT64))).isTrue();
    }

    @Test
    void aBiasAddBeforeReluFusesWithItInATracedGradient() {
        Tensor x = tf.randomNormal(8, 6);
        Tensor w = tf.randomNormal(6, 5);
        Tensor b = tf.randomNormal(5);
        Function step = Function.ofMany(in -> {
            GradientTape tape = new GradientTape();
            Tensor loss;
            try (tape) {
                tape.watch(in[1]);
                loss = tf.reduceSum(tf.relu(tf.add(tf.matmul(in[0], in[1]), in[2])));
            }
            return new Tensor[] {tape.gradient(loss, in[1])};
        });
        step.callMany(x, w, b);
        Program p = step.concrete(List.of(x.spec(), w.spec(), b.spec())).program();
        assertThat(p.describe()).contains("fused_elementwise(t0=add(in0,in1); t1=relu(t0)");
        assertThat(p.describe()).contains("relu_grad");
    }
}
