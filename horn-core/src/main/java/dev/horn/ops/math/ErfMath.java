package dev.horn.ops.math;

import dev.horn.internal.cpu.VectorMath;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The error function for {@link Erf} and {@link Gelu}: a double rule accurate to a few ulps
 * (series below 2, a continued fraction for the tail) and a float32 lane rule accurate to a few
 * float ulps, built from a published Chebyshev fit of erfc (Numerical Recipes' {@code erfcc},
 * fractional error below 1.2e-7) and a Taylor polynomial near zero where 1 - erfc would cancel.
 */
final class ErfMath {
    static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    private static final double SQRT_HALF = 0.7071067811865476;
    /** Below this the series gives erf; from it the continued fraction gives erfc (50 terms reach 1e-16 there). */
    private static final double TAIL_FROM = 1.5;
    private static final int CONTINUED_FRACTION_TERMS = 50;

    private ErfMath() {}

    static double erf(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        if (a < TAIL_FROM) {
            return Math.copySign(erfSeries(a), x);
        }
        return Math.copySign(1 - erfcTail(a, expMinusSquare(a)), x);
    }

    /** erfc(x) = 1 - erf(x), without the cancellation for large x. */
    static double erfc(double x) {
        if (Double.isNaN(x) || x < TAIL_FROM) {
            return 1 - erf(x);
        }
        return erfcTail(x, expMinusSquare(x));
    }

    /**
     * P(N > |x|) = erfc(|x| / sqrt 2) / 2 for a standard normal N, with e^(-x^2/2) taken from x
     * itself: rounding x / sqrt 2 first would cost 1e-14 relative in the far tail.
     */
    static double normalTail(double x) {
        double a = Math.abs(x);
        double z = a * SQRT_HALF;
        if (Double.isNaN(x) || z < TAIL_FROM) {
            return 0.5 * (1 - erf(z));
        }
        double hi = a * a;
        double lo = Math.fma(a, a, -hi);
        return 0.5 * erfcTail(z, Math.exp(-0.5 * hi) * (1 - 0.5 * lo));
    }

    /** erf(x) = 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): all terms positive, so nothing cancels. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; term > 1e-17 * sum; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
    }

    /**
     * erfc(x) for x >= 1.5, from the continued fraction e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
     * given {@code expTerm} = e^(-x^2).
     */
    private static double erfcTail(double x, double expTerm) {
        if (x > 27) {
            return 0; // below the smallest double
        }
        double x2 = x * x;
        double a = 0;
        double da = 0.5;
        double p = 1;
        double pLast = 0;
        double q = da + x2;
        double qLast = 1;
        for (int i = 0; i < CONTINUED_FRACTION_TERMS; i++) {
            a += da;
            da += 2;
            double b = da + x2;
            double t = p;
            p = b * p - a * pLast;
            pLast = t;
            t = q;
            q = b * q - a * qLast;
            qLast = t;
        }
        return p / q * x * expTerm * INV_SQRT_PI;
    }

    /** e^(-x^2) with x^2 split into a rounded part and its rounding error, which exp would otherwise amplify. */
    private static double expMinusSquare(double x) {
        double hi = x * x;
        double lo = Math.fma(x, x, -hi);
        return Math.exp(-hi) * (1 - lo);
    }

    // ---- float32 lanes ------------------------------------------------------------------------

    /** Beyond z^2 = 104, erfc(z) is below the smallest float. */
    private static final float UNDERFLOW_SQUARE = 104f;

    private static final float[] ERFC_FIT = {
        -1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f, -0.18628806f,
        0.27886807f, -1.13520398f, 1.48851587f, -0.82215223f, 0.17087277f
    };

    /** 2/sqrt(pi) (-1)^n / (n! (2n+1)): the Taylor series of erf, enough terms for |x| < 0.5. */
    private static final float[] ERF_TAYLOR = {
        1.1283791671f, -0.3761263890f, 0.1128379167f, -0.0268661706f, 0.0052239776f, -0.0008548327f, 0.0001205533f
    };

    /**
     * erfc(z) for z >= 0 on float lanes, fractional error about 2e-7. The caller passes z^2 as
     * an unrounded pair {@code z2hi + z2lo}: rounding z^2 (or z itself) to float would move the
     * exponent e^(-z^2) by up to 1e-6 relative for z near 4.
     */
    static FloatVector erfcNonNegative(FloatVector z, FloatVector z2hi, FloatVector z2lo) {
        FloatVector t = z.mul(0.5f).add(1f);
        t = t.broadcast(1f).div(t);
        FloatVector poly = t.broadcast(ERFC_FIT[ERFC_FIT.length - 1]);
        for (int i = ERFC_FIT.length - 2; i >= 0; i--) {
            poly = poly.fma(t, t.broadcast(ERFC_FIT[i]));
        }
        // s + err = poly - z2hi exactly (two-sum), so e^(poly - z^2) = e^s (1 + err - z2lo) to float precision
        FloatVector a = z2hi.neg();
        FloatVector s = a.add(poly);
        FloatVector bb = s.sub(a);
        FloatVector err = a.sub(s.sub(bb)).add(poly.sub(bb));
        FloatVector scale = err.sub(z2lo).add(1f);
        FloatVector erfc = t.mul(VectorMath.exp(s)).mul(scale);
        return erfc.blend(0f, z2hi.compare(VectorOperators.GT, UNDERFLOW_SQUARE)); // also keeps inf - inf out
    }

    static FloatVector erf(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector x2 = x.mul(x);
        FloatVector poly = x.broadcast(ERF_TAYLOR[ERF_TAYLOR.length - 1]);
        for (int i = ERF_TAYLOR.length - 2; i >= 0; i--) {
            poly = poly.fma(x2, x.broadcast(ERF_TAYLOR[i]));
        }
        FloatVector near = x.mul(poly);
        FloatVector x2lo = x.fma(x, x2.neg());
        FloatVector far = erfcNonNegative(a, x2, x2lo).neg().add(1f);
        return far.blend(far.neg(), x.lt(0f)).blend(near, a.lt(0.5f));
    }
}
