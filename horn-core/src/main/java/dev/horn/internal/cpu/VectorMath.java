package dev.horn.internal.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * e^x, e^x - 1, ln x, ln(1 + x) and tanh x on float lanes, computed with IEEE adds, multiplies, fused multiply-adds,
 * divides and bit moves only.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: once the JIT compiles a loop, the Vector
 * API's transcendental operators become calls into an SVML-style library, but before that (and
 * in the interpreter) they fall back to {@code Math.exp} per lane, and the two differ in the last
 * bit. A training run then depends on when the JIT kicked in, and seeded runs are not
 * bit-identical. The functions here give the same bits in every tier, as a fused multiply-add
 * has one exact result whether it is one instruction or {@code Math.fma}.
 *
 * <p>The formulas are the classic single-precision ones (Cephes' {@code expf} and {@code logf},
 * and for {@code tanh} a short odd polynomial near 0 and e^2x beyond); each is within 2 ulp
 * of the correctly rounded value over the float range (see {@code VectorMathTest}).
 */
public final class VectorMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDER = 12582912f;
    private static final float EXP_OVERFLOW = 88.72283935546875f;
    private static final float EXP_UNDERFLOW = -103.972084f;
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float TANH_POLYNOMIAL_LIMIT = 0.625f;

    private VectorMath() {}

    /** e^x; +inf above about 88.72, subnormal down to about -103.97 and 0 below, NaN for NaN. */
    public static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(EXP_UNDERFLOW).min(EXP_OVERFLOW);
        FloatVector n = clamped.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
        FloatVector r = n.fma(n.broadcast(-LN2_HI), clamped);
        r = n.fma(n.broadcast(-LN2_LO), r);
        FloatVector p = r.broadcast(1.9875691500e-4f);
        p = p.fma(r, p.broadcast(1.3981999507e-3f));
        p = p.fma(r, p.broadcast(8.3334519073e-3f));
        p = p.fma(r, p.broadcast(4.1665795894e-2f));
        p = p.fma(r, p.broadcast(1.6666665459e-1f));
        p = p.fma(r, p.broadcast(5.0000001201e-1f));
        FloatVector y = p.mul(r.mul(r)).add(r).add(1f);
        // 2^n in two halves, so that n = 128 stays finite and n down to -150 gives subnormals with one rounding
        IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector half = k.lanewise(VectorOperators.ASHR, 1);
        y = y.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half)));
        y = y.blend(x.broadcast(Float.POSITIVE_INFINITY), x.compare(VectorOperators.GT, EXP_OVERFLOW));
        y = y.blend(x.broadcast(0f), x.lt(EXP_UNDERFLOW));
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** ln x; -inf at 0, NaN below 0 and for NaN, +inf at +inf. */
    public static FloatVector log(FloatVector x) {
        // subnormals: scale by 2^25 first and take 25 ln 2 off the exponent
        var subnormal = x.lt(Float.MIN_NORMAL);
        FloatVector scaled = x.blend(x.mul(33554432f), subnormal);
        IntVector bits = scaled.reinterpretAsInts();
        IntVector exponent = bits.lanewise(VectorOperators.LSHR, 23).sub(126);
        exponent = exponent.blend(exponent.sub(25), subnormal.cast(exponent.species()));
        // mantissa m in [0.5, 1)
        FloatVector m = bits.and(0x807FFFFF).or(0x3F000000).reinterpretAsFloats();
        FloatVector e = (FloatVector) exponent.convert(VectorOperators.I2F, 0);
        var small = m.lt(SQRT_HALF);
        e = e.blend(e.sub(1f), small);
        m = m.blend(m.add(m), small).sub(1f);
        FloatVector z = m.mul(m);
        FloatVector p = m.broadcast(7.0376836292e-2f);
        p = p.fma(m, p.broadcast(-1.1514610310e-1f));
        p = p.fma(m, p.broadcast(1.1676998740e-1f));
        p = p.fma(m, p.broadcast(-1.2420140846e-1f));
        p = p.fma(m, p.broadcast(1.4249322787e-1f));
        p = p.fma(m, p.broadcast(-1.6668057665e-1f));
        p = p.fma(m, p.broadcast(2.0000714765e-1f));
        p = p.fma(m, p.broadcast(-2.4999993993e-1f));
        p = p.fma(m, p.broadcast(3.3333331174e-1f));
        FloatVector y = p.mul(m).mul(z);
        y = e.fma(e.broadcast(LN2_LO), y);
        y = z.fma(z.broadcast(-0.5f), y);
        y = m.add(y);
        y = e.fma(e.broadcast(LN2_HI), y);
        y = y.blend(x.broadcast(Float.NEGATIVE_INFINITY), x.eq(0f));
        y = y.blend(x.broadcast(Float.NaN), x.lt(0f));
        y = y.blend(x, x.eq(Float.POSITIVE_INFINITY));
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    /**
     * tanh x: x + x^3 P(x^2) below 0.625 (P a degree-5 least-squares fit on Chebyshev nodes of
     * (tanh x - x) / x^3), and 1 - 2 / (e^2|x| + 1) with the sign of x beyond.
     */
    public static FloatVector tanh(FloatVector x) {
        FloatVector z = x.mul(x);
        FloatVector p = z.broadcast(0.0022956610191613436f);
        p = p.fma(z, p.broadcast(-0.008346786722540855f));
        p = p.fma(z, p.broadcast(0.02176988497376442f));
        p = p.fma(z, p.broadcast(-0.05395939201116562f));
        p = p.fma(z, p.broadcast(0.13333304226398468f));
        p = p.fma(z, p.broadcast(-0.3333333432674408f));
        FloatVector near = x.mul(z).fma(p, x);
        FloatVector a = x.abs();
        FloatVector far = a.broadcast(2f).div(exp(a.mul(2f)).add(1f)).neg().add(1f);
        far = far.blend(far.neg(), x.lt(0f));
        return near.blend(far, a.compare(VectorOperators.GE, TANH_POLYNOMIAL_LIMIT));
    }

    /** ln(1 + x), exact near 0 by Kahan's correction: log(u) * x / (u - 1) with u = 1 + x. */
    public static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        FloatVector d = u.sub(1f);
        FloatVector logU = log(u);
        FloatVector y = logU.mul(x).div(d);
        y = y.blend(x, d.eq(0f));
        return y.blend(logU, u.eq(Float.POSITIVE_INFINITY));
    }

    /** e^x - 1, exact near 0 by Kahan's correction: (u - 1) * x / log(u) with u = e^x. */
    public static FloatVector expm1(FloatVector x) {
        FloatVector u = exp(x);
        FloatVector d = u.sub(1f);
        FloatVector y = d.mul(x).div(log(u));
        y = y.blend(x, u.eq(1f));
        y = y.blend(d, d.eq(-1f).or(u.eq(Float.POSITIVE_INFINITY)));
        return y;
    }

    /**
     * {@code v.reduceLanes(op)} with ADD and MUL folded left to right: the Vector API leaves their
     * order open, and its compiled form (a tree) and its interpreted form (a loop) differ in the
     * last bits. MIN and MAX do not depend on the order and go to the Vector API.
     */
    public static float foldLanes(FloatVector v, VectorOperators.Associative op) {
        if (op != VectorOperators.ADD && op != VectorOperators.MUL) {
            return v.reduceLanes(op);
        }
        float[] lanes = v.toArray();
        float r = lanes[0];
        for (int i = 1; i < lanes.length; i++) {
            r = op == VectorOperators.ADD ? r + lanes[i] : r * lanes[i];
        }
        return r;
    }

    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }
}
