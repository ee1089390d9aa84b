package dev.horn.autodiff;

import dev.horn.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradientTapeTest {
    @Test
    void gradientOfSquareIsTwoX() {
        Tensor x = Tensor.scalar(3.0);
        Tensor y;
        GradientTape tape = new GradientTape();
        try (tape) {
            tape.watch(x);
            y = x.mul(x);
        }
        assertThat(tape.gradient(y, x).item()).isEqualTo(6.0);
    }

    @Test
    void unwatchedTensorsAreNotRecorded() {
        Tensor x = Tensor.scalar(3.0);
        Tensor y;
        GradientTape tape = new GradientTape();
        try (tape) {
            y = x.mul(x);
        }
        assertThat(tape.gradient(y, x)).isNull();
    }

    @Test
    void sourceThatDoesNotReachTargetHasNullGradient() {
        Tensor x = Tensor.scalar(1.0);
        Tensor z = Tensor.scalar(2.0);
        GradientTape tape = new GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(x, z);
            y = tf.exp(x);
            tf.exp(z);
        }
        Tensor[] g = tape.gradient(y, x, z);
        assertThat(g[0].item()).isCloseTo(Math.E, within(1e-12));
        assertThat(g[1]).isNull();
    }

    @Test
    void gradientsSumOverEveryUseOfATensor() {
        // y = x*x + 3x + x  ->  dy/dx = 2x + 4 = 10 at x = 3
        Tensor x = Tensor.scalar(3.0);
        GradientTape tape = new GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(x);
            y = x.mul(x).add(x.mul(3.0)).add(x);
        }
        assertThat(tape.gradient(y, x).item()).isEqualTo(10.0);
    }

    @Test
    void multipleTargetsAreSummed() {
        Tensor x = Tensor.of(new double[] {1, 2});
        GradientTape tape = new GradientTape();
        Tensor a;
        Tensor b;
        try (tape) {
            tape.watch(x);
            a = tf.reduceSum(x.mul(x));
            b = tf.reduceSum(x.mul(5.0));
        }
        List<Tensor> g = tape.gradient(List.of(a, b), List.of(x));
        assertThat(g.getFirst().toDoubleArray()).containsExactly(7, 9);
    }

    @Test
    void nonPersistentTapeRefusesASecondGradientCall() {
        Tensor x = Tensor.scalar(2.0);
        GradientTape tape = new GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(x);
            y = x.mul(x);
        }
        tape.gradient(y, x);
        assertThatThrownBy(() -> tape.gradient(y, x))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("persistent");
    }

    @Test
    void persistentTapeGivesGradientsOfSeveralTargets() {
        Tensor x = Tensor.scalar(2.0);
        GradientTape tape = GradientTape.persistent();
        Tensor y;
        Tensor z;
        try (tape) {
            tape.watch(x);
            y = x.mul(x);
            z = y.mul(y);
        }
        assertThat(tape.gradient(y, x).item()).isEqualTo(4.0);
        assertThat(tape.gradient(z, x).item()).isEqualTo(32.0); // d x^4 = 4 x^3
    }

    @Test
    void nestedTapesGiveSecondAndThirdDerivatives() {
        // y = x^3: y' = 3x^2 = 12, y'' = 6x = 12, y''' = 6 at x = 2
        Tensor x = Tensor.scalar(2.0);
        Tensor d1;
        Tensor d2;
        GradientTape t3 = new GradientTape();
        try (t3) {
            t3.watch(x);
            GradientTape t2 = new GradientTape();
            try (t2) {
                t2.watch(x);
                GradientTape t1 = new GradientTape();
                try (t1) {
                    t1.watch(x);
                    Tensor y = x.mul(x).mul(x);
                    t1.close();
                    d1 = t1.gradient(y, x);
                }
                t2.close();
                d2 = t2.gradient(d1, x);
            }
        }
        assertThat(d1.item()).isEqualTo(12.0);
        assertThat(d2.item()).isEqualTo(12.0);
        assertThat(t3.gradient(d2, x).item()).isEqualTo(6.0);
    }

    @Test
    void closedTapeStopsRecording() {
        Tensor x = Tensor.scalar(2.0);
        GradientTape tape = new GradientTape();
        tape.watch(x);
        tape.close();
        Tensor y = x.mul(x);
        assertThat(tape.gradient(y, x)).isNull();
    }

    @Test
    void anOpThatReturnsItsInputStillCountsTheGradientOnce() {
        Tensor x = Tensor.of(new double[] {1, 2});
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            tape.watch(x);
            loss = tf.reduceSum(tf.mul(tf.cast(x, dev.horn.DType.FLOAT64), x)); // cast to its own dtype
        }
        assertThat(tape.gradient(loss, x).toDoubleArray()).containsExactly(2, 4);
    }

    @Test
    void integerTensorsCarryNoGradient() {
        Tensor x = Tensor.of(new int[] {1, 2});
        GradientTape tape = new GradientTape();
        Tensor y;
        try (tape) {
            tape.watch(x);
            y = x.mul(x);
        }
        assertThat(tape.gradient(y, x)).isNull();
    }

    @Test
    void gradientFlowsThroughAMatmulLayer() {
        // loss = sum(x W + b); dW = x^T 1, db = batch size
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor w = Tensor.of(new double[][] {{0.5, -1}, {2, 0}});
        Tensor b = Tensor.of(new double[] {0.1, 0.2});
        GradientTape tape = new GradientTape();
        Tensor loss;
        try (tape) {
            tape.watch(w, b);
            loss = tf.reduceSum(tf.matmul(x, w).add(b));
        }
        Tensor[] g = tape.gradient(loss, w, b);
        assertThat(g[0].toDoubleArray()).containsExactly(9, 9, 12, 12);
        assertThat(g[1].toDoubleArray()).containsExactly(3, 3);
    }
}
