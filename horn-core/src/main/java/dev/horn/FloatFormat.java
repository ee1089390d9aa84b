package dev.horn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numpy's {@code FloatingFormat} with its default options (precision 8, {@code floatmode='maxprec'},
 * no suppression): one format shared by all elements printed, so that columns line up.
 *
 * <ul>
 *   <li>Scientific when the largest magnitude is at least 1e8, the smallest non-zero below
 *       1e-4, or their ratio above 1000 (compared in the tensor's precision, as numpy 2);
 *       mantissas then share one number of digits (the most any value needs, at most 8), the extra digits taken from the exact value: {@code 1.5e-05 2.0e-05}.
 *   <li>Otherwise positional: the shortest digits that identify each value, at most 8 after
 *       the point, the integer parts right-aligned and the fractions left-aligned with spaces:
 *       {@code 1.  2.5}.
 *   <li>{@code nan}, {@code inf}, {@code -inf} right-aligned in the same width.
 * </ul>
 */
final class FloatFormat {
    private static final int PRECISION = 8;

    private final boolean single;
    private final boolean exp;
    private int padLeft;
    private int padRight;
    private int expSize = -1;
    private int mantissaDigits;

    FloatFormat(double[] values, boolean single) {
        this.single = single;
        double max = Double.NaN;
        double min = Double.NaN;
        boolean anyFinite = false;
        boolean nonFinite = false;
        boolean negInf = false;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                nonFinite = true;
                negInf |= v == Double.NEGATIVE_INFINITY;
                continue;
            }
            anyFinite = true;
            double a = Math.abs(v);
            if (a != 0) {
                max = Double.isNaN(max) ? a : Math.max(max, a);
                min = Double.isNaN(min) ? a : Math.min(min, a);
            }
        }
        exp = !Double.isNaN(max) && (single
                ? (float) max >= 1e8f || (float) min < 1e-4f || (float) max / (float) min > 1000f
                : max >= 1e8 || min < 1e-4 || max / min > 1000);
        if (anyFinite) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (exp) {
                    String s = scientific(v, 0, 0);
                    int e = s.indexOf('e');
                    int dot = s.indexOf('.');
                    expSize = Math.max(expSize, s.length() - e - 2);
                    mantissaDigits = Math.max(mantissaDigits, e - dot - 1);
                    padLeft = Math.max(padLeft, dot);
                } else {
                    String s = positional(v);
                    int dot = s.indexOf('.');
                    padLeft = Math.max(padLeft, dot);
                    padRight = Math.max(padRight, s.length() - dot - 1);
                }
            }
            if (exp) {
                padRight = expSize + 2 + mantissaDigits;
            }
        }
        if (nonFinite) {
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    String format(double v) {
        if (!Double.isFinite(v)) {
            String s = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
            return " ".repeat(Math.max(0, padLeft + padRight + 1 - s.length())) + s;
        }
        // numpy's second pass asks for min_digits = the shared mantissa width: digits past the
        // shortest come from the exact binary value, rounded (285.2857f prints as 2.8528571e+02)
        String s = exp ? sign(v) + sci(v == 0 ? BigDecimal.ZERO
                : exact(v).abs().round(new MathContext(mantissaDigits + 1, RoundingMode.HALF_EVEN)), mantissaDigits, expSize)
                : positional(v);
        int dot = s.indexOf('.');
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(Math.max(0, padLeft - dot))).append(s);
        if (!exp) {
            sb.append(" ".repeat(Math.max(0, padRight - (s.length() - dot - 1))));
        }
        return sb.toString();
    }

    /** numpy's {@code str} of a float scalar: {@code 3.5}, {@code 1.0}, {@code 1e-05}, {@code 1.5e+16}. */
    static String scalar(double v, boolean single) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-4 && a < (single ? 1e6 : 1e16))) {
            String s = sign(v) + shortest(v, single).abs().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        BigDecimal d = shortest(v, single);
        return sign(v) + sci(d.abs(), 0, 2).replace(".e", "e");
    }

    private String positional(double v) {
        BigDecimal d = shortest(v, single).abs();
        if (d.scale() > PRECISION) {
            d = exact(v).abs().setScale(PRECISION, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        String s = d.scale() <= 0 ? d.toBigInteger() + "." : d.toPlainString();
        return sign(v) + s;
    }

    /** d.ddd...e+XX with at least {@code minDigits} mantissa decimals and {@code expDigits} exponent digits. */
    private String scientific(double v, int minDigits, int expDigits) {
        BigDecimal d = shortest(v, single).abs();
        if (d.precision() > PRECISION + 1) {
            d = exact(v).abs().round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
        return sign(v) + sci(d, minDigits, Math.max(2, expDigits));
    }

    private static String sci(BigDecimal d, int minDigits, int expDigits) {
        if (d.signum() == 0) {
            return "0." + "0".repeat(minDigits) + "e+" + "0".repeat(expDigits);
        }
        String digits = d.unscaledValue().toString();
        int exponent = d.precision() - d.scale() - 1;
        String frac = digits.substring(1);
        frac = frac + "0".repeat(Math.max(0, minDigits - frac.length()));
        String e = Integer.toString(Math.abs(exponent));
        return digits.charAt(0) + "." + frac + "e" + (exponent < 0 ? "-" : "+") + "0".repeat(Math.max(0, expDigits - e.length())) + e;
    }

    private static String sign(double v) {
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
    }

    private static BigDecimal exact(double v) {
        return new BigDecimal(v);
    }

    /** The shortest decimal that reads back as v in its precision (the nearest one among the shortest). */
    static BigDecimal shortest(double v, boolean single) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal d = new BigDecimal(single ? Float.toString((float) v) : Double.toString(v)).stripTrailingZeros();
        if (d.precision() == 2) {
            // Java prints at least two digits where one would do; numpy prints the one
            BigDecimal one = exact(v).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (single ? one.floatValue() == (float) v : one.doubleValue() == v) {
                d = one.stripTrailingZeros();
            }
        }
        return d;
    }
}
