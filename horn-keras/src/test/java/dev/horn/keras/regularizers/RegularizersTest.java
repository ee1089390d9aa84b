package dev.horn.keras.regularizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/*
 * Expected values from numpy:
 *   w = np.array([[0.5, -1.0, 2.0], [-0.25, 3.0, 0.0]])
 *   l1: 0.01 * np.abs(w).sum() = 0.0675;  l2: 0.01 * (w**2).sum() = 0.143125
 *   l1_l2(): 0.210625;  l1_l2(0.1, 0.2): 3.5375000000000005
 *   orthogonal, rows: u = w / sqrt(max(sum(w**2, 1), 1e-12)); p = u @ u.T * (1 - eye(2));
 *     0.01 * 0.5 * abs(p).sum() / (2 * 1 / 2) = 0.0045305023518296865
 *   columns (u normalised along axis 0, p = u.T @ u, 3 columns): 0.006392539127344338
 */
class RegularizersTest {
    private static final Tensor W = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {-0.25, 3.0, 0.0}});

    @Test
    void penaltiesMatchNumpy() {
        assertThat(Regularizers.l1().apply(W).item()).isCloseTo(0.0675, offset(1e-15));
        assertThat(Regularizers.l2().apply(W).item()).isCloseTo(0.143125, offset(1e-15));
        assertThat(Regularizers.l1L2().apply(W).item()).isCloseTo(0.210625, offset(1e-15));
        assertThat(Regularizers.l1L2(0.1, 0.2).apply(W).item()).isCloseTo(3.5375, offset(1e-14));
        assertThat(Regularizers.orthogonal().apply(W).item()).isCloseTo(0.0045305023518296865, offset(1e-15));
        assertThat(Regularizers.orthogonal(0.01, "columns").apply(W).item()).isCloseTo(0.006392539127344338, offset(1e-15));
    }

    @Test
    void aPenaltyIsAScalarOfTheWeightsDtype() {
        Tensor p = Regularizers.l2(0.5).apply(W.cast(DType.FLOAT32));
        assertThat(p.rank()).isZero();
        assertThat(p.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(p.item()).isCloseTo(0.5 * 14.3125, offset(1e-5));
        assertThat(new L1L2(0, 0).apply(W).item()).isZero();
    }

    @Test
    void l2PenaltyHasNoHalfSoItsGradientIsTwoL2W() {
        Tensor w = Tensor.of(new double[] {1.5, -2}, 2);
        Tensor grad;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(w);
            Tensor penalty = Regularizers.l2(0.1).apply(w);
            grad = tape.gradient(penalty, w);
        }
        assertThat(grad.toDoubleArray()).containsExactly(new double[] {0.30000000000000004, -0.4}, offset(1e-15));
    }

    @Test
    void penaltiesRunInsideAFunctionAsEagerly() {
        for (Regularizer r : List.of(Regularizers.l1L2(), Regularizers.orthogonal())) {
            Tensor traced = Function.of(in -> r.apply(in[0])).call(W);
            assertThat(traced.item()).as(r.toString()).isCloseTo(r.apply(W).item(), offset(1e-15));
        }
    }

    @Test
    void lookupUsesKerasTwoDefaults() {
        assertThat(((L1L2) Regularizers.get("l1")).l1()).isEqualTo(0.01);
        assertThat(((L1L2) Regularizers.get("L2")).l2()).isEqualTo(0.01);
        L1L2 byName = (L1L2) Regularizers.get("l1_l2");
        assertThat(List.of(byName.l1(), byName.l2())).containsExactly(0.01, 0.01);
        L1L2 byClass = (L1L2) Regularizers.get("L1L2"); // the class defaults to no penalty
        assertThat(List.of(byClass.l1(), byClass.l2())).containsExactly(0.0, 0.0);
        assertThat(Regularizers.get("orthogonal_regularizer").className()).isEqualTo("OrthogonalRegularizer");
    }

    @Test
    void configsHaveKerasNamesAndRoundTrip() {
        assertThat(Regularizers.l1(0.3).getConfig()).isEqualTo(Map.of("l1", 0.3));
        assertThat(Regularizers.l2(0.3).getConfig()).isEqualTo(Map.of("l2", 0.3));
        assertThat(List.copyOf(Regularizers.l1L2().getConfig().keySet())).containsExactly("l1", "l2");
        assertThat(Regularizers.l1(0.3).className()).isEqualTo("L1");
        assertThat(Regularizers.l1L2().className()).isEqualTo("L1L2");
        for (Regularizer r : List.of(Regularizers.l1(0.2), Regularizers.l2(0.4), Regularizers.l1L2(0.1, 0.5),
                Regularizers.orthogonal(0.3, "columns"))) {
            Regularizer again = Regularizers.fromConfig(r.className(), r.getConfig());
            assertThat(again.className()).isEqualTo(r.className());
            assertThat(again.getConfig()).isEqualTo(r.getConfig());
        }
    }

    @Test
    void badNamesAndFactorsAreErrors() {
        assertThatThrownBy(() -> Regularizers.get("l3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'l3'").hasMessageContaining("l1_l2");
        assertThatThrownBy(() -> Regularizers.l1(Double.NaN))
                .hasMessageContaining("is not a valid regularization penalty number");
        assertThatThrownBy(() -> Regularizers.orthogonal(0.01, "diagonal"))
                .hasMessageContaining("Received: mode=diagonal");
        assertThatThrownBy(() -> Regularizers.orthogonal().apply(Tensor.of(new double[] {1, 2}, 2)))
                .hasMessageContaining("must have rank 2");
    }
}
