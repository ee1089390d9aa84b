package dev.horn.graph.compiler;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Function;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.PackedOperands;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.state.ApplyAdam;
import dev.horn.ops.state.ApplyMomentum;
import dev.horn.ops.state.ApplyRmsProp;
import dev.horn.ops.state.FusedUpdate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An optimizer update of a matmul gradient compiles to one step whose GEMM feeds the update
 * tile by tile, and leaves the weight and slots with the bits of the two ops run eagerly.
 */
class UpdateFusionTest {
    interface Rule {
        FusedUpdate on(Variable[] state);
    }

    record Row(String name, int slots, Rule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("rmsprop", 1, s -> new ApplyRmsProp(s[0], s[1], 0.9, 1e-7)),
                new Row("adam", 2, s -> new ApplyAdam(s[0], s[1], s[2], null, 0.9, 0.999, 1e-7)),
                new Row("momentum", 1, s -> new ApplyMomentum(s[0], s[1], 0.9, true)));
    }

    /**
     * Each rule at a product on the Java kernel (whole on one core, split across two) and at one
     * that does not take a sink: a batch past one block of k.
     */
    static Stream<Arguments> cases() {
        int[][] bmn = {{64, 150, 121}, {600, 30, 70}};
        return rows().flatMap(r -> Stream.of(bmn).flatMap(s -> Stream.of(1, 2).map(t -> Arguments.of(r, s[0], s[1], s[2], t))));
    }

    @ParameterizedTest(name = "{0} batch={1} weight={2}x{3} threads={4}")
    @MethodSource("cases")
    void theFusedStepLeavesTheBitsOfTheTwoOps(Row row, int batch, int m, int n, int threads) {
        assertThat(DefaultGemm.sinks(m, n, batch)).as("the GEMM takes a sink").isEqualTo(batch <= 512);
        Variable[] eager = state(row, m, n);
        Variable[] traced = state(row, m, n);
        Tensor lr = Tensor.scalar(0.01f);
        Function step = Function.ofMany(in -> {
            row.rule.on(traced).applyAll(tf.matmul(in[0], in[1], true, false), lr);
            return new Tensor[0];
        });
        Parallel.withThreads(threads, () -> {
            for (int i = 0; i < 3; i++) {
                Tensor x = tf.randomNormal(batch, m);
                Tensor dy = tf.randomNormal(batch, n);
                row.rule.on(eager).applyAll(tf.matmul(x, dy, true, false), lr);
                step.callMany(x, dy);
            }
        });
        for (int v = 0; v < eager.length; v++) {
            assertThat(traced[v].read().valuesEqual(eager[v].read())).as("state %d", v).isTrue();
        }
        Program p = step.concrete(List.of(tf.zeros(batch, m).spec(), tf.zeros(batch, n).spec())).program();
        assertThat(p.describe()).contains("matmul_apply_");
        assertThat(p.report().fusedAway()).isEqualTo(1);
        assertThat(p.stepCount()).isEqualTo(1);
    }

    @Test
    void aGradientThatIsAlsoFetchedStaysAMatmul() {
        Variable[] s = state(rows().findFirst().orElseThrow(), 20, 70);
        Function step = Function.ofMany(in -> {
            Tensor g = tf.matmul(in[0], in[1], true, false);
            new ApplyRmsProp(s[0], s[1], 0.9, 1e-7).applyAll(g, Tensor.scalar(0.01f));
            return new Tensor[] {g};
        });
        Tensor x = tf.randomNormal(32, 20);
        Tensor dy = tf.randomNormal(32, 70);
        assertThat(step.callMany(x, dy)[0].valuesEqual(tf.matmul(x, dy, true, false))).isTrue();
        Program p = step.concrete(List.of(x.spec(), dy.spec())).program();
        assertThat(p.describe()).doesNotContain("matmul_apply_");
    }

    @Test
    void aProductThatReadsTheWeightItselfRunsUnfusedWithTheSameBits() {
        Row rms = rows().findFirst().orElseThrow();
        Variable[] eager = state(rms, 64, 64);
        Variable[] traced = state(rms, 64, 64);
        Tensor lr = Tensor.scalar(0.01f);
        Function step = Function.ofMany(in -> {
            rms.rule.on(traced).applyAll(tf.matmul(traced[0].read(), in[0], true, false), lr);
            return new Tensor[0];
        });
        for (int i = 0; i < 3; i++) {
            Tensor dy = tf.randomNormal(64, 64);
            rms.rule.on(eager).applyAll(tf.matmul(eager[0].read(), dy, true, false), lr);
            step.callMany(dy);
        }
        assertThat(traced[0].read().valuesEqual(eager[0].read())).isTrue();
        assertThat(traced[1].read().valuesEqual(eager[1].read())).isTrue();
    }

    /**
     * A step whose forward product reads the weight as its B and whose fused update writes it:
     * the update keeps the weight's packed copy, the next step's forward product reads it, and
     * products and weights keep the bits of the eager ops (which pack B every time). The weight
     * spans two blocks of k and a padded panel.
     */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void theForwardProductReadsTheWeightAsTheUpdateLeftItPacked(int threads) {
        Row rms = rows().findFirst().orElseThrow();
        int batch = 64;
        int m = 700;
        int n = 130;
        Variable[] eager = state(rms, m, n);
        Variable[] traced = state(rms, m, n);
        Tensor lr = Tensor.scalar(0.01f);
        Function step = Function.ofMany(in -> {
            Tensor y = tf.matmul(in[0], traced[0].read());
            rms.rule.on(traced).applyAll(tf.matmul(in[0], in[1], true, false), lr);
            return new Tensor[] {y};
        });
        Parallel.withThreads(threads, () -> {
            for (int i = 0; i < 4; i++) {
                Tensor x = tf.randomNormal(batch, m);
                Tensor dy = tf.randomNormal(batch, n);
                Tensor y = tf.matmul(x, eager[0].read());
                rms.rule.on(eager).applyAll(tf.matmul(x, dy, true, false), lr);
                assertThat(step.callMany(x, dy)[0].valuesEqual(y)).as("forward product of step %d", i).isTrue();
                float[] weight = (float[]) traced[0].updateSource().storage();
                PackedOperands.Copy copy = PackedOperands.lookup(weight, 0, n, m, n);
                assertThat(copy).as("the weight's packed copy after step %d", i).isNotNull();
                assertThat(contents(copy, m, n)).as("the weight's packed copy after step %d", i)
                        .isEqualTo(packAll(weight, m, n));
            }
            // another update kernel writes the weight in place: the copy must not outlive it
            Tensor delta = tf.randomNormal(m, n);
            traced[0].assignAdd(delta);
            eager[0].assignAdd(delta);
            float[] weight = (float[]) traced[0].updateSource().storage();
            PackedOperands.Copy copy = PackedOperands.lookup(weight, 0, n, m, n);
            assertThat(copy == null || Arrays.equals(contents(copy, m, n), packAll(weight, m, n)))
                    .as("no stale copy after assign_add").isTrue();
            Tensor x = tf.randomNormal(batch, m);
            Tensor dy = tf.randomNormal(batch, n);
            Tensor y = tf.matmul(x, eager[0].read());
            rms.rule.on(eager).applyAll(tf.matmul(x, dy, true, false), lr);
            assertThat(step.callMany(x, dy)[0].valuesEqual(y)).as("forward product after assign_add").isTrue();
        });
        assertThat(traced[0].read().valuesEqual(eager[0].read())).isTrue();
        assertThat(traced[1].read().valuesEqual(eager[1].read())).isTrue();
    }

    private static float[] packAll(float[] b, int k, int n) {
        float[] packed = new float[Gemm.packedSize(k, n)];
        Gemm.packRows(b, 0, n, k, n, 0, k, 0, n, packed, 0);
        return packed;
    }

    private static float[] contents(PackedOperands.Copy copy, int k, int n) {
        return Arrays.copyOfRange(copy.floats(), copy.start(), copy.start() + Gemm.packedSize(k, n));
    }

    /** The weight normal, the slots |normal| (second moments are positive), from one seed. */
    private static Variable[] state(Row row, int m, int n) {
        Horn.setSeed(5);
        Variable[] s = new Variable[row.slots + 1];
        s[0] = new Variable(tf.randomNormal(m, n));
        for (int i = 1; i < s.length; i++) {
            s[i] = new Variable(tf.abs(tf.randomNormal(m, n)));
        }
        return s;
    }
}
