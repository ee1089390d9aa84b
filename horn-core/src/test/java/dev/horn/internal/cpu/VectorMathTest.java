package dev.horn.internal.cpu;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** VectorMath against the correctly rounded float of Math's double result, in ulps, over the float range. */
class VectorMathTest {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Test
    void expIsWithinTwoUlpsFromUnderflowToOverflow() {
        assertThat(maxUlps(VectorMath::exp, Math::exp, -103.9f, 88.7f, 400_000)).isLessThanOrEqualTo(2);
        assertThat(maxUlps(VectorMath::exp, Math::exp, -1e-3f, 1e-3f, 100_000)).isLessThanOrEqualTo(2);
    }

    @Test
    void logIsWithinTwoUlpsOnNormalAndSubnormalInputs() {
        assertThat(maxUlpsLogSpaced(VectorMath::log, Math::log)).isLessThanOrEqualTo(2);
    }

    @Test
    void tanhIsWithinTwoUlpsAndSaturates() {
        assertThat(maxUlps(VectorMath::tanh, Math::tanh, -50f, 50f, 400_000)).isLessThanOrEqualTo(2);
        assertThat(maxUlps(VectorMath::tanh, Math::tanh, -0.01f, 0.01f, 100_000)).isLessThanOrEqualTo(2);
    }

    @Test
    void log1pAndExpm1AreWithinTwoUlpsIncludingNearZero() {
        assertThat(maxUlps(VectorMath::log1p, Math::log1p, -0.999f, 100f, 400_000)).isLessThanOrEqualTo(2);
        assertThat(maxUlps(VectorMath::log1p, Math::log1p, -1e-3f, 1e-3f, 100_000)).isLessThanOrEqualTo(2);
        assertThat(maxUlps(VectorMath::expm1, Math::expm1, -80f, 80f, 400_000)).isLessThanOrEqualTo(2);
        assertThat(maxUlps(VectorMath::expm1, Math::expm1, -1e-3f, 1e-3f, 100_000)).isLessThanOrEqualTo(2);
    }

    @Test
    void foldLanesSumsLeftToRight() {
        float[] x = new float[F.length()];
        for (int i = 0; i < x.length; i++) { // magnitudes far apart, so the order of the sum shows in the result
            x[i] = (i % 2 == 0 ? 1e8f : 1f) * (i + 1) * (i % 3 == 0 ? -1 : 1);
        }
        float leftToRight = x[0];
        float product = x[0];
        for (int i = 1; i < x.length; i++) {
            leftToRight += x[i];
            product *= x[i] * 1e-8f + 1f;
        }
        FloatVector v = FloatVector.fromArray(F, x, 0);
        assertThat(VectorMath.foldLanes(v, jdk.incubator.vector.VectorOperators.ADD)).isEqualTo(leftToRight);
        float[] y = new float[x.length];
        y[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            y[i] = x[i] * 1e-8f + 1f;
        }
        assertThat(VectorMath.foldLanes(FloatVector.fromArray(F, y, 0), jdk.incubator.vector.VectorOperators.MUL))
                .isEqualTo(product);
    }

    @Test
    void specialValuesFollowTheFunctions() {
        float[] x = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 100f, -100f, -1f, 1e-30f};
        float[] exp = apply(VectorMath::exp, x);
        assertThat(exp[0]).isNaN();
        assertThat(exp[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(exp[2]).isEqualTo(0f);
        assertThat(exp[3]).isEqualTo(1f);
        assertThat(exp[5]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(exp[6]).isEqualTo((float) Math.exp(-100)); // a subnormal
        float[] log = apply(VectorMath::log, x);
        assertThat(log[0]).isNaN();
        assertThat(log[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(log[2]).isNaN();
        assertThat(log[3]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(log[4]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(log[7]).isNaN();
        assertThat(log[8]).isEqualTo((float) Math.log(1e-30f));
        float[] tanh = apply(VectorMath::tanh, x);
        assertThat(tanh[0]).isNaN();
        assertThat(tanh[1]).isEqualTo(1f);
        assertThat(tanh[2]).isEqualTo(-1f);
        assertThat(tanh[3]).isEqualTo(0f);
        assertThat(tanh[5]).isEqualTo(1f);
        assertThat(tanh[6]).isEqualTo(-1f);
    }

    private static long maxUlps(UnaryOperator<FloatVector> f, DoubleUnaryOperator ref, float lo, float hi, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return maxUlps(f, ref, x);
    }

    private static long maxUlpsLogSpaced(UnaryOperator<FloatVector> f, DoubleUnaryOperator ref) {
        int n = 400_000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) { // every binade from 2^-140 to 2^127, through the subnormals
            x[i] = (float) Math.pow(2, -140 + 267.0 * i / n);
        }
        return maxUlps(f, ref, x);
    }

    private static long maxUlps(UnaryOperator<FloatVector> f, DoubleUnaryOperator ref, float[] x) {
        float[] y = apply(f, x);
        long worst = 0;
        for (int i = 0; i < x.length; i++) {
            float expected = (float) ref.applyAsDouble(x[i]);
            long u = Math.abs((long) Float.floatToIntBits(y[i]) - Float.floatToIntBits(expected));
            worst = Math.max(worst, u);
        }
        return worst;
    }

    private static float[] apply(UnaryOperator<FloatVector> f, float[] x) {
        float[] padded = java.util.Arrays.copyOf(x, (x.length + F.length() - 1) / F.length() * F.length());
        float[] y = new float[padded.length];
        for (int i = 0; i < padded.length; i += F.length()) {
            f.apply(FloatVector.fromArray(F, padded, i)).intoArray(y, i);
        }
        return java.util.Arrays.copyOf(y, x.length);
    }
}
