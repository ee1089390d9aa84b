package dev.horn.keras.constraints;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.graph.Function;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/*
 * Expected values from numpy, with Keras' epsilon:
 *   w = np.array([[0.5, -1.0, 2.0], [-0.25, 3.0, 0.0]]); eps = 1e-7
 *   norms = lambda w, axis: np.sqrt((w**2).sum(axis=axis, keepdims=True))
 *   max_norm:     n = norms(w, axis); w * (np.clip(n, 0, m) / (eps + n))
 *   unit_norm:    w / (eps + norms(w, axis))
 *   min_max_norm: n = norms(w, axis); d = rate * np.clip(n, lo, hi) + (1 - rate) * n; w * (d / (eps + n))
 *   non_neg:      w * (w >= 0)
 */
class ConstraintsTest {
    private static final Tensor W = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {-0.25, 3.0, 0.0}});

    @Test
    void maxNormMatchesNumpy() {
        assertValues(Constraints.maxNorm(), 0.4999999105572969, -0.6324555120336764, 1.9999999000000053,
                -0.24999995527864846, 1.8973665361010292, 0.0);
        assertValues(Constraints.maxNorm(2, 1), 0.4364357614243666, -0.8728715228487332, 1.7457430456974663,
                -0.16609095419023875, 1.993091450282865, 0.0);
        assertValues(Constraints.maxNorm(2, 0, 1), 0.2643274331951365, -0.528654866390273, 1.057309732780546,
                -0.13216371659756826, 1.5859645991708191, 0.0);
    }

    @Test
    void unitNormMatchesNumpy() {
        assertValues(Constraints.unitNorm(), 0.8944270309999446, -0.3162277560168382, 0.9999999500000026,
                -0.4472135154999723, 0.9486832680505147, 0.0);
        assertValues(Constraints.unitNorm(1), 0.2182178807121833, -0.4364357614243666, 0.8728715228487332,
                -0.08304547709511938, 0.9965457251414325, 0.0);
    }

    @Test
    void minMaxNormMatchesNumpy() {
        assertValues(Constraints.minMaxNorm(), 0.4999999105572969, -0.3162277560168382, 0.9999999500000026,
                -0.24999995527864846, 0.9486832680505146, 0.0);
        assertValues(Constraints.minMaxNorm(1, 2, 0.5, 1), 0.4682178698012892, -0.9364357396025784, 1.8728714792051568,
                -0.20804547294284553, 2.496545675314146, 0.0);
    }

    @Test
    void nonNegZeroesNegativeWeights() {
        assertValues(Constraints.nonNeg(), 0.5, 0, 2.0, 0, 3.0, 0.0);
        Tensor f = Constraints.nonNeg().apply(W.cast(DType.FLOAT32));
        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void aZeroVectorStaysZero() {
        Tensor zeros = Tensor.of(new double[] {0, 0, 0}, 3);
        assertThat(Constraints.unitNorm().apply(zeros).toDoubleArray()).containsExactly(0, 0, 0);
        assertThat(Constraints.maxNorm().apply(zeros).toDoubleArray()).containsExactly(0, 0, 0);
    }

    @Test
    void lookupAcceptsKerasNamesAndOldSpellings() {
        assertThat(Constraints.get("max_norm")).isInstanceOf(MaxNorm.class);
        assertThat(((MaxNorm) Constraints.get("MaxNorm")).maxValue()).isEqualTo(2);
        assertThat(Constraints.get("maxnorm")).isInstanceOf(MaxNorm.class);
        assertThat(Constraints.get("nonneg")).isSameAs(Constraints.nonNeg());
        assertThat(Constraints.get("unitnorm")).isInstanceOf(UnitNorm.class);
        MinMaxNorm m = (MinMaxNorm) Constraints.get("min_max_norm");
        assertThat(List.of(m.minValue(), m.maxValue(), m.rate())).containsExactly(0.0, 1.0, 1.0);
        assertThat(m.axis()).containsExactly(0);
        assertThatThrownBy(() -> Constraints.get("radial"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'radial'").hasMessageContaining("max_norm");
    }

    @Test
    void configsHaveKerasNamesAndRoundTrip() {
        assertThat(List.copyOf(Constraints.minMaxNorm().getConfig().keySet()))
                .containsExactly("min_value", "max_value", "rate", "axis");
        assertThat(Constraints.maxNorm(3).getConfig()).isEqualTo(Map.of("max_value", 3.0, "axis", 0));
        assertThat(Constraints.unitNorm(0, 1, 2).getConfig()).isEqualTo(Map.of("axis", List.of(0, 1, 2)));
        assertThat(Constraints.nonNeg().getConfig()).isEmpty();
        assertThat(Constraints.nonNeg().className()).isEqualTo("NonNeg");
        assertThat(Constraints.minMaxNorm().className()).isEqualTo("MinMaxNorm");
        for (Constraint c : List.of(Constraints.maxNorm(3, 0, 1), Constraints.unitNorm(1), Constraints.nonNeg(),
                Constraints.minMaxNorm(0.5, 2, 0.3, 1))) {
            Constraint again = Constraints.fromConfig(c.className(), c.getConfig());
            assertThat(again.className()).isEqualTo(c.className());
            assertThat(again.getConfig()).isEqualTo(c.getConfig());
        }
    }

    @Test
    void constraintsRunInsideAFunctionAsEagerly() {
        for (Constraint c : List.of(Constraints.maxNorm(2, 1), Constraints.unitNorm(), Constraints.nonNeg(),
                Constraints.minMaxNorm(1, 2, 0.5, 1))) {
            Tensor traced = Function.of(in -> c.apply(in[0])).call(W);
            assertThat(traced.toDoubleArray()).as(c.toString()).containsExactly(c.apply(W).toDoubleArray(), offset(1e-15));
        }
    }

    private static void assertValues(Constraint c, double... expected) {
        assertThat(c.apply(W).toDoubleArray()).as(c.toString()).containsExactly(expected, offset(1e-15));
    }
}
