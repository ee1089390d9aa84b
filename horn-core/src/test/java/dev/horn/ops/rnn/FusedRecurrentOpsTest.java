package dev.horn.ops.rnn;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fused float32 LSTM and GRU loops against the same cells composed of primitive ops in
 * float64, forward and backward, at sizes that use full vectors and vector tails (20 units).
 */
class FusedRecurrentOpsTest {
    private static final int BATCH = 5;
    private static final int TIME = 7;
    private static final int UNITS = 20;

    private static Tensor random(Random random, double scale, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * random.nextDouble() - 1);
        }
        return Tensor.of(v, shape).reshape(shape);
    }

    /** Rows skip steps at the start, the middle and the end; one row keeps every step. */
    private static Tensor mask() {
        float[] m = new float[BATCH * TIME];
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < TIME; t++) {
                m[b * TIME + t] = (b == 0 || (t + b) % 3 != 0) ? 1 : 0;
            }
        }
        return Tensor.of(m, BATCH, TIME);
    }

    private static Tensor f32(Tensor t) {
        return tf.cast(t, DType.FLOAT32);
    }

    private static void assertClose(Tensor actual, Tensor expected, double tolerance, String what) {
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        for (int i = 0; i < e.length; i++) {
            assertThat(Math.abs(a[i] - e[i])).as("%s [%d]: %s vs %s", what, i, a[i], e[i]).isLessThan(tolerance);
        }
    }

    /** Tape gradients of sum(f(inputs) * w) with respect to every input. */
    private static Tensor[] gradients(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor w) {
        try (GradientTape tape = new GradientTape()) {
            tape.watch(inputs);
            Tensor loss = tf.reduceSum(tf.mul(tf.cast(f.apply(inputs), DType.FLOAT64), w));
            return tape.gradient(loss, inputs);
        }
    }

    @Test
    void lstmMatchesTheComposedCellForwardAndBackward() {
        Random random = new Random(7);
        Tensor[] in64 = {random(random, 1, BATCH, TIME, 4 * UNITS), random(random, 0.3, UNITS, 4 * UNITS),
                random(random, 0.5, BATCH, UNITS), random(random, 0.5, BATCH, UNITS)};
        Tensor[] in32 = {f32(in64[0]), f32(in64[1]), f32(in64[2]), f32(in64[3])};
        Tensor mask = mask();
        Function<Tensor[], Tensor> fused = x -> {
            Tensor[] out = tf.lstmSequence(x[0], x[1], x[2], x[3], mask);
            return tf.concat(List.of(out[0], out[1]), 2);
        };
        Function<Tensor[], Tensor> composed = x -> {
            Tensor[] out = ComposedCells.lstm(x[0], x[1], x[2], x[3], tf.cast(mask, DType.FLOAT64));
            return tf.concat(List.of(out[0], out[1]), 2);
        };
        assertClose(fused.apply(in32), composed.apply(in64), 2e-5, "lstm h and c");
        Tensor w = random(random, 1, BATCH, TIME, 2 * UNITS);
        Tensor[] g32 = gradients(fused, in32, w);
        Tensor[] g64 = gradients(composed, in64, w);
        String[] names = {"d xw", "d recurrent kernel", "d h0", "d c0"};
        for (int i = 0; i < 4; i++) {
            assertClose(g32[i], g64[i], 2e-4, names[i]);
        }
    }

    @Test
    void gruMatchesTheComposedCellForwardAndBackward() {
        Random random = new Random(11);
        Tensor[] in64 = {random(random, 1, BATCH, TIME, 3 * UNITS), random(random, 0.3, UNITS, 3 * UNITS),
                random(random, 0.5, 3 * UNITS), random(random, 0.5, BATCH, UNITS)};
        Tensor[] in32 = {f32(in64[0]), f32(in64[1]), f32(in64[2]), f32(in64[3])};
        Tensor mask = mask();
        Function<Tensor[], Tensor> fused = x -> tf.gruSequence(x[0], x[1], x[2], x[3], mask)[0];
        Function<Tensor[], Tensor> composed = x -> ComposedCells.gru(x[0], x[1], x[2], x[3], tf.cast(mask, DType.FLOAT64));
        assertClose(fused.apply(in32), composed.apply(in64), 2e-5, "gru h");
        Tensor w = random(random, 1, BATCH, TIME, UNITS);
        Tensor[] g32 = gradients(fused, in32, w);
        Tensor[] g64 = gradients(composed, in64, w);
        String[] names = {"d xw", "d recurrent kernel", "d recurrent bias", "d h0"};
        for (int i = 0; i < 4; i++) {
            assertClose(g32[i], g64[i], 2e-4, names[i]);
        }
    }

    /** Big enough rows that the loops split the batch across cores; one thread must give the same numbers. */
    @Test
    void splittingTheBatchAcrossCoresChangesNothing() {
        Random random = new Random(3);
        int batch = 6;
        int time = 40;
        int u = 64;
        Tensor mask = tf.ones(batch, time);
        Tensor[] lstm = {f32(random(random, 1, batch, time, 4 * u)), f32(random(random, 0.2, u, 4 * u)),
                f32(random(random, 0.5, batch, u)), f32(random(random, 0.5, batch, u))};
        Tensor[] gru = {f32(random(random, 1, batch, time, 3 * u)), f32(random(random, 0.2, u, 3 * u)),
                f32(random(random, 0.5, 3 * u)), f32(random(random, 0.5, batch, u))};
        Function<Tensor[], Tensor> lstmLoop = x -> tf.lstmSequence(x[0], x[1], x[2], x[3], mask)[0];
        Function<Tensor[], Tensor> gruLoop = x -> tf.gruSequence(x[0], x[1], x[2], x[3], mask)[0];
        Tensor w = random(random, 1, batch, time, u);
        for (var loop : List.of(java.util.Map.entry(lstmLoop, lstm), java.util.Map.entry(gruLoop, gru))) {
            Tensor[] split = gradients(loop.getKey(), loop.getValue(), w);
            Tensor[] single = dev.horn.internal.cpu.Parallel.withThreads(1, () -> gradients(loop.getKey(), loop.getValue(), w));
            assertClose(loop.getKey().apply(loop.getValue()),
                    dev.horn.internal.cpu.Parallel.withThreads(1, () -> loop.getKey().apply(loop.getValue())), 1e-6, "h");
            for (int i = 0; i < split.length; i++) {
                assertClose(split[i], single[i], 1e-5, "gradient " + i);
            }
        }
    }

    @Test
    void aKernelThatIsNotFourTimesUnitsWideIsRejected() {
        Tensor xw = tf.zeros(2, 3, 8);
        Tensor state = tf.zeros(2, 2);
        assertThatThrownBy(() -> tf.lstmSequence(xw, tf.zeros(2, 6), state, state, tf.ones(2, 3)))
                .hasMessageContaining("lstm_sequence: the recurrent kernel must be [units, 4 * units], got shape");
    }

    @Test
    void aMaskOfTheWrongLengthIsRejected() {
        Tensor state = tf.zeros(2, 2);
        assertThatThrownBy(() -> tf.gruSequence(tf.zeros(2, 3, 6), tf.zeros(2, 6), tf.zeros(6), state, tf.ones(2, 4)))
                .hasMessageContaining("gru_sequence: the mask must be [batch, time] = [2, 3], got shape");
    }

    @Test
    void float64InputsAreRejectedByName() {
        Tensor state = tf.zeros(DType.FLOAT64, 2, 2);
        assertThatThrownBy(() -> tf.lstmSequence(tf.zeros(DType.FLOAT64, 2, 3, 8), tf.zeros(DType.FLOAT64, 2, 8),
                state, state, tf.ones(2, 3)))
                .hasMessageContaining("lstm_sequence: input projection must be float32, got float64");
    }
}
