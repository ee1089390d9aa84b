package dev.horn.ops.math;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The double erf and erfc against mpmath at 40 digits, across the series / continued-fraction seam at 1.5. */
class ErfMathTest {
    private static final double[] X = {-6.0, -4.2, -3.0, -2.0, -1.51, -1.5, -1.49, -0.84, -0.2, 1e-08, 0.05, 0.49, 0.5, 0.51,
        0.9, 1.25, 1.4999, 1.5, 1.5001, 2.2, 3.3, 4.7, 5.9, 6.5};
    private static final double[] ERF = {-1.0, -0.9999999971445058, -0.9999779095030014, -0.9953222650189527,
        -0.9672767481287117, -0.9661051464753108, -0.9648978648432042, -0.7651427114549945, -0.22270258921047847,
        1.1283791670955126e-08, 0.05637197779701663, 0.511668261188523, 0.5204998778130465, 0.5292436198411704,
        0.7969082124228322, 0.9229001282564583, 0.9660932516622953, 0.9661051464753108, 0.9661170377204175,
        0.9981371537020182, 0.9999969422902035, 0.9999999999700474, 0.9999999999999999, 1.0};
    private static final double[] ERFC = {2.0, 1.9999999971445057, 1.9999779095030015, 1.9953222650189528,
        1.9672767481287117, 1.9661051464753108, 1.9648978648432043, 1.7651427114549945, 1.2227025892104784,
        0.9999999887162083, 0.9436280222029834, 0.4883317388114769, 0.4795001221869535, 0.4707563801588296,
        0.20309178757716786, 0.07709987174354177, 0.03390674833770473, 0.033894853524689274, 0.033882962279582506,
        0.0018628462979818898, 3.0577097964381654e-06, 2.9952597863796555e-11, 7.190409783550478e-17,
        3.8421483271206475e-20};

    @Test
    void erfIsWithinOneEMinus15OfMpmath() {
        for (int i = 0; i < X.length; i++) {
            assertThat(ErfMath.erf(X[i])).as("erf(%s)", X[i]).isCloseTo(ERF[i], within(1e-15));
        }
    }

    @Test
    void erfcKeepsRelativePrecisionInTheTail() {
        for (int i = 0; i < X.length; i++) {
            // below 1.5 erfc is 1 - erf (and at least 0.034); from 1.5 the continued fraction keeps relative precision
            double tolerance = X[i] < 1.5 ? 1e-15 : 4e-15 * ERFC[i];
            assertThat(ErfMath.erfc(X[i])).as("erfc(%s)", X[i]).isCloseTo(ERFC[i], within(tolerance));
        }
    }

    @Test
    void erfOfSpecialValues() {
        assertThat(ErfMath.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(ErfMath.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(ErfMath.erf(Double.NaN)).isNaN();
        assertThat(ErfMath.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(ErfMath.erfc(30)).isEqualTo(0.0);
        assertThat(ErfMath.erf(-0.0)).isEqualTo(-0.0);
    }
}
