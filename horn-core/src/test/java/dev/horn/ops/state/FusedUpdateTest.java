package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Function;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every fused optimizer update gives, bit for bit, what the optimizer's composed ops give
 * (eagerly and traced, float32 and float64), and a traced one writes its variables in place.
 * State 0 is the weight, 1.. the slots; {@code k} are the scalar inputs after the gradient.
 */
class FusedUpdateTest {
    interface Rule {
        void apply(Variable[] s, Tensor g, Tensor[] k);
    }

    /** One row: the fused op, the ops it replaced, its slots, its scalars. */
    record Row(String name, int slots, double[] scalars, Rule fused, Rule composed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Tensor c(Tensor like, double v) {
        return Tensor.scalar(like.dtype(), v);
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("rmsprop", 1, new double[] {0.001},
                        (s, g, k) -> new ApplyRmsProp(s[0], s[1], 0.9, 1e-7, false).applyAll(g, k[0]),
                        FusedUpdateTest::rmsprop),
                new Row("rmsprop, subnormal velocities in double lanes", 1, new double[] {0.001},
                        (s, g, k) -> new ApplyRmsProp(s[0], s[1], 0.9, 1e-7, true).applyAll(g, k[0]),
                        FusedUpdateTest::rmsprop),
                new Row("adam", 2, new double[] {0.0003},
                        (s, g, k) -> new ApplyAdam(s[0], s[1], s[2], null, 0.9, 0.999, 1e-7).applyAll(g, k[0]),
                        (s, g, k) -> adam(s, g, k, false)),
                new Row("adam amsgrad", 3, new double[] {0.0003},
                        (s, g, k) -> new ApplyAdam(s[0], s[1], s[2], s[3], 0.9, 0.999, 1e-7).applyAll(g, k[0]),
                        (s, g, k) -> adam(s, g, k, true)),
                new Row("sgd momentum", 1, new double[] {0.01},
                        (s, g, k) -> new ApplyMomentum(s[0], s[1], 0.9, false).applyAll(g, k[0]),
                        (s, g, k) -> momentum(s, g, k, false)),
                new Row("sgd nesterov", 1, new double[] {0.01},
                        (s, g, k) -> new ApplyMomentum(s[0], s[1], 0.9, true).applyAll(g, k[0]),
                        (s, g, k) -> momentum(s, g, k, true)),
                new Row("adagrad", 1, new double[] {0.01},
                        (s, g, k) -> new ApplyAdagrad(s[0], s[1], 1e-7).applyAll(g, k[0]),
                        (s, g, k) -> {
                            Tensor acc = tf.add(s[1].read(), tf.square(g));
                            s[1].assign(acc);
                            s[0].assignSub(tf.div(tf.mul(k[0], g), tf.sqrt(tf.add(acc, c(g, 1e-7)))));
                        }),
                new Row("adamax", 2, new double[] {0.002, 1 - 0.9 * 0.9},
                        (s, g, k) -> new ApplyAdamax(s[0], s[1], s[2], 0.9, 0.999, 1e-7).applyAll(g, k[0], k[1]),
                        (s, g, k) -> {
                            Tensor m0 = s[1].read();
                            Tensor m = tf.add(m0, tf.mul(tf.sub(g, m0), c(g, 1 - 0.9)));
                            s[1].assign(m);
                            Tensor u = tf.maximum(tf.mul(c(g, 0.999), s[2].read()), tf.abs(g));
                            s[2].assign(u);
                            s[0].assignSub(tf.div(tf.mul(k[0], m), tf.mul(k[1], tf.add(u, c(g, 1e-7)))));
                        }),
                new Row("adadelta", 2, new double[] {1.0},
                        (s, g, k) -> new ApplyAdadelta(s[0], s[1], s[2], 0.95, 1e-7).applyAll(g, k[0]),
                        (s, g, k) -> {
                            Tensor r = c(g, 0.95);
                            Tensor omr = c(g, 1 - 0.95);
                            Tensor eps = c(g, 1e-7);
                            Tensor accGrad = tf.add(tf.mul(r, s[1].read()), tf.mul(omr, tf.square(g)));
                            s[1].assign(accGrad);
                            Tensor accDelta = s[2].read();
                            Tensor delta = tf.neg(tf.div(tf.mul(tf.sqrt(tf.add(accDelta, eps)), g), tf.sqrt(tf.add(accGrad, eps))));
                            s[2].assign(tf.add(tf.mul(r, accDelta), tf.mul(omr, tf.square(delta))));
                            s[0].assignAdd(tf.mul(k[0], delta));
                        }),
                new Row("nadam", 2, new double[] {0.002, 1 - 0.9, 1 - 0.999, 0.88, 1 - 0.77, 1 - 0.87, 1 - 0.9, 1 - 0.999},
                        (s, g, k) -> new ApplyNadam(s[0], s[1], s[2], 1e-7).applyAll(g, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]),
                        (s, g, k) -> {
                            Tensor m0 = s[1].read();
                            Tensor m = tf.add(m0, tf.mul(tf.sub(g, m0), k[1]));
                            s[1].assign(m);
                            Tensor v0 = s[2].read();
                            Tensor v = tf.add(v0, tf.mul(tf.sub(tf.square(g), v0), k[2]));
                            s[2].assign(v);
                            Tensor mHat = tf.add(tf.div(tf.mul(k[3], m), k[4]), tf.div(tf.mul(k[5], g), k[6]));
                            s[0].assignSub(tf.div(tf.mul(mHat, k[0]), tf.add(tf.sqrt(tf.div(v, k[7])), c(g, 1e-7))));
                        }));
    }

    /** RMSprop as the optimizer composed it before the fused op (the learning rate is k[0]). */
    private static void rmsprop(Variable[] s, Tensor g, Tensor[] k) {
        Tensor v = tf.add(tf.mul(c(g, 0.9), s[1].read()), tf.mul(c(g, 1 - 0.9), tf.square(g)));
        s[1].assign(v);
        s[0].assignSub(tf.div(tf.mul(k[0], g), tf.sqrt(tf.add(v, c(g, 1e-7)))));
    }

    /** Adam as AdamRule wrote it before the fused op (alpha is k[0]). */
    private static void adam(Variable[] s, Tensor g, Tensor[] k, boolean amsgrad) {
        Tensor m0 = s[1].read();
        Tensor m = tf.add(m0, tf.mul(tf.sub(g, m0), c(g, 1 - 0.9)));
        s[1].assign(m);
        Tensor v0 = s[2].read();
        Tensor v = tf.add(v0, tf.mul(tf.sub(tf.square(g), v0), c(g, 1 - 0.999)));
        s[2].assign(v);
        if (amsgrad) {
            v = tf.maximum(s[3].read(), v);
            s[3].assign(v);
        }
        s[0].assignSub(tf.div(tf.mul(m, k[0]), tf.add(tf.sqrt(v), c(g, 1e-7))));
    }

    /** SGD with momentum as SGD wrote it before the fused op. */
    private static void momentum(Variable[] s, Tensor g, Tensor[] k, boolean nesterov) {
        Tensor mom = c(g, 0.9);
        Tensor m = tf.sub(tf.mul(s[1].read(), mom), tf.mul(g, k[0]));
        s[1].assign(m);
        s[0].assignAdd(nesterov ? tf.sub(tf.mul(m, mom), tf.mul(g, k[0])) : m);
    }

    static Stream<Arguments> rowsAndDtypes() {
        return rows().flatMap(r -> Stream.of(Arguments.of(r, DType.FLOAT32), Arguments.of(r, DType.FLOAT64)));
    }

    /** Weight and slots from one seed: the weight normal, the slots |normal| (second moments are positive). */
    private static Variable[] state(Row row, DType dt, int... shape) {
        Horn.setSeed(21);
        Variable[] s = new Variable[row.slots + 1];
        s[0] = new Variable(tf.cast(tf.randomNormal(shape), dt));
        for (int i = 1; i < s.length; i++) {
            s[i] = new Variable(tf.cast(tf.abs(tf.randomNormal(shape)), dt));
        }
        return s;
    }

    private static Tensor[] scalars(Row row, DType dt) {
        return Arrays.stream(row.scalars).mapToObj(v -> Tensor.scalar(dt, v)).toArray(Tensor[]::new);
    }

    private static boolean same(Variable[] a, Variable[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!a[i].read().valuesEqual(b[i].read())) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rowsAndDtypes")
    void matchesTheComposedOpsBitForBit(Row row, DType dt) {
        int n = 16 * 70 + 7; // whole vectors, a parallel split and a tail
        Variable[] fused = state(row, dt, n);
        Variable[] composed = state(row, dt, n);
        Tensor[] k = scalars(row, dt);
        for (int step = 1; step <= 3; step++) {
            // shrinking gradients, so that maxima over steps (amsgrad, adamax) pick old values too
            Tensor g = tf.cast(tf.mul(tf.randomNormal(n), Tensor.scalar(4f / step)), dt);
            row.fused.apply(fused, g, k);
            row.composed.apply(composed, g, k);
        }
        assertThat(same(fused, composed)).isTrue();
    }

    /**
     * Slots decaying through the subnormal range (a weight whose gradient is mostly zero), with
     * gradients of zero, normal and tiny values: the fused kernels' ways around subnormal
     * arithmetic (RMSprop's double lanes) keep the composed ops' bits.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void subnormalSlotsKeepTheComposedOpsBits(Row row) {
        int n = 16 * 70 + 7;
        Variable[] fused = state(row, DType.FLOAT32, n);
        Variable[] composed = state(row, DType.FLOAT32, n);
        // every slot element somewhere from 1e-30 down to below the smallest subnormal, a tenth of them zero
        Tensor scale = tf.exp(tf.mul(tf.randomUniform(new int[] {n}, 0, 1), Tensor.scalar((float) Math.log(1e-17))));
        Tensor kept = tf.cast(tf.greater(tf.randomUniform(new int[] {n}, 0, 1), Tensor.scalar(0.1f)), DType.FLOAT32);
        for (int i = 1; i < fused.length; i++) {
            Tensor slot = tf.mul(tf.mul(fused[i].read(), tf.mul(scale, Tensor.scalar(1e-30f))), kept);
            fused[i].assign(slot);
            composed[i].assign(slot);
        }
        float[] slot = (float[]) fused[1].read().contiguous().storage();
        long subnormal = java.util.stream.IntStream.range(0, n).filter(i -> slot[i] > 0 && slot[i] < Float.MIN_NORMAL).count();
        assertThat(subnormal).as("subnormal slot elements").isGreaterThan(n / 4);
        Tensor[] k = scalars(row, DType.FLOAT32);
        for (int step = 1; step <= 3; step++) {
            // most gradients zero, the rest normal or tiny (their squares subnormal)
            Tensor u = tf.randomUniform(new int[] {n}, 0, 1);
            Tensor g = tf.where(tf.less(u, Tensor.scalar(0.7f)), tf.zeros(n),
                    tf.where(tf.less(u, Tensor.scalar(0.85f)), tf.randomNormal(n), tf.mul(tf.randomNormal(n), Tensor.scalar(1e-21f))));
            row.fused.apply(fused, g, k);
            row.composed.apply(composed, g, k);
        }
        assertThat(same(fused, composed)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void tracedStepsWriteInPlaceAndEqualEagerSteps(Row row) {
        Variable[] eager = state(row, DType.FLOAT32, 33, 5);
        Variable[] traced = state(row, DType.FLOAT32, 33, 5);
        Tensor[] k = scalars(row, DType.FLOAT32);
        Function step = Function.ofMany(in -> {
            row.fused.apply(traced, in[0], k);
            return new Tensor[0];
        });
        Object[] buffers = new Object[traced.length];
        for (int i = 0; i < 3; i++) {
            Tensor g = tf.randomNormal(33, 5);
            row.fused.apply(eager, g, k);
            step.callMany(g);
            for (int v = 0; v < traced.length && i == 1; v++) {
                buffers[v] = traced[v].updateSource().storage();
            }
        }
        for (int v = 0; v < traced.length; v++) {
            assertThat(traced[v].updateSource().storage()).isSameAs(buffers[v]);
        }
        assertThat(same(traced, eager)).isTrue();
    }

    @Test
    void badSlotsAndScalarsNameTheWeight() {
        Variable w = new Variable(tf.zeros(3), "kernel", true);
        Variable z = new Variable(tf.zeros(3));
        assertThatThrownBy(() -> new ApplyAdam(w, z, new Variable(tf.zeros(2)), null, 0.9, 0.999, 1e-7))
                .hasMessageContaining("does not match weight kernel");
        assertThatThrownBy(() -> new ApplyRmsProp(w, z, 0.9, 1e-7).applyAll(tf.zeros(4), Tensor.scalar(0.1f)))
                .hasMessageContaining("gradient").hasMessageContaining("does not match weight kernel");
        assertThatThrownBy(() -> new ApplyAdamax(w, z, z, 0.9, 0.999, 1e-7).applyAll(tf.zeros(3), Tensor.scalar(0.1f), tf.zeros(1)))
                .hasMessageContaining("bias correction 1 - beta_1^t must be a float32 scalar");
    }
}
