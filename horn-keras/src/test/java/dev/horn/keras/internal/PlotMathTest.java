package dev.horn.keras.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The axis breaks, smooth and number formats behind History's print and plot, against R's outputs. */
class PlotMathTest {
    @Test
    void extendedBreaksAreGgplotsDefaults() {
        // ggplot2's familiar axis for 1..10 (expanded by 5%): 2.5 5.0 7.5 10.0
        double[] b = Breaks.within(Breaks.extended(0.55, 10.45, 5), 0.55, 10.45);
        assertThat(Breaks.labels(b)).containsExactly("2.5", "5.0", "7.5", "10.0");
        assertThat(Breaks.labels(Breaks.extended(0, 1, 5))).containsExactly("0.00", "0.25", "0.50", "0.75", "1.00");
        assertThat(Breaks.labels(Breaks.extended(0, 100, 5))).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    void prettyIsRsPretty() {
        assertThat(Breaks.pretty(0.55, 10.45, 5)).containsExactly(0, 2, 4, 6, 8, 10, 12);
        assertThat(Breaks.pretty(0.9, 3.1, 5)).containsExactly(0.5, 1, 1.5, 2, 2.5, 3, 3.5);
        assertThat(Breaks.pretty(1, 100, 5)).containsExactly(0, 20, 40, 60, 80, 100);
    }

    @Test
    void minorBreaksAreTheMidpointsWithinTheLimits() {
        assertThat(Breaks.minor(new double[] {2, 4, 6, 8, 10}, 0.55, 10.45)).containsExactly(1, 3, 5, 7, 9);
    }

    @Test
    void loessReproducesAQuadraticExactly() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 - 0.1 * x[i] + 0.01 * x[i] * x[i];
        }
        double[] at = {1, 2.5, 7.25, 10};
        double[] fit = Loess.fit(x, y, at);
        for (int i = 0; i < at.length; i++) {
            assertThat(fit[i]).isCloseTo(0.5 - 0.1 * at[i] + 0.01 * at[i] * at[i], within(1e-12));
        }
    }

    @Test
    void rFormatKeepsFourSignificantDigits() {
        assertThat(RFormat.prettyNum(0.010110, 4)).isEqualTo("0.01011");
        assertThat(RFormat.prettyNum(0.99720001, 4)).isEqualTo("0.9972");
        assertThat(RFormat.prettyNum(0.0924499, 4)).isEqualTo("0.09245");
        assertThat(RFormat.prettyNum(2.5, 4)).isEqualTo("2.5");
        assertThat(RFormat.prettyNum(1234567.8, 4)).isEqualTo("1,234,568");
    }

    @Test
    void pyFormatRoundsHalfToEvenOnTheBinaryValue() {
        assertThat(PyFormat.fixed(2.5, 0)).isEqualTo("2");
        assertThat(PyFormat.fixed(3.5, 0)).isEqualTo("4");
        assertThat(PyFormat.fixed(0.12345, 4)).isEqualTo("0.1235"); // 0.12345 is stored as 0.123450000000000004...
        assertThat(PyFormat.fixed(-0.00001, 4)).isEqualTo("-0.0000");
        assertThat(PyFormat.exponent(0.000123456, 4)).isEqualTo("1.2346e-04");
        assertThat(PyFormat.exponent(0, 4)).isEqualTo("0.0000e+00");
        assertThat(PyFormat.exponent(9.99996e-5, 4)).isEqualTo("1.0000e-04");
        assertThat(PyFormat.fixed(Double.NaN, 4)).isEqualTo("nan");
    }
}
