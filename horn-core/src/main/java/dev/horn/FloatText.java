package dev.horn;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * numpy's formatting of a float array (floatmode 'maxprec', precision 8): each value's
 * shortest round-trip digits, at most 8 after the point; scientific notation for all values
 * when the largest is >= 1e8, the smallest non-zero < 1e-4, or their ratio > 1000; then padded
 * to a common layout (fraction digits with spaces in positional form, zeros in scientific).
 */
final class FloatText {
    private static final int PRECISION = 8;

    private FloatText() {}

    /** Texts for every element, or only those {@code shown} (others null). */
    static String[] format(Tensor t, boolean[] shown) {
        int n = t.size();
        boolean single = t.dtype() == DType.FLOAT32;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = Math.abs(t.getDouble(i));
            if ((shown == null || shown[i]) && Double.isFinite(v) && v != 0) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        boolean scientific = max >= 1e8 || (min != Double.POSITIVE_INFINITY && (min < 1e-4 || max / min > 1000));
        BigDecimal[] digits = new BigDecimal[n];
        int fraction = 0;
        for (int i = 0; i < n; i++) {
            double v = t.getDouble(i);
            if ((shown != null && !shown[i]) || !Double.isFinite(v)) {
                continue;
            }
            BigDecimal d = new BigDecimal(single ? Float.toString((float) v) : Double.toString(v));
            if (scientific) {
                d = d.round(new java.math.MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
                fraction = Math.max(fraction, Math.max(0, d.precision() - 1));
            } else {
                d = d.setScale(Math.min(PRECISION, Math.max(0, d.stripTrailingZeros().scale())), RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
                fraction = Math.max(fraction, Math.max(0, d.scale()));
            }
            digits[i] = d;
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            double v = t.getDouble(i);
            if (shown != null && !shown[i]) {
                continue;
            }
            if (Double.isNaN(v)) {
                out[i] = "nan";
            } else if (Double.isInfinite(v)) {
                out[i] = v > 0 ? "inf" : "-inf";
            } else if (scientific) {
                out[i] = scientificText(digits[i], v, fraction);
            } else {
                out[i] = positionalText(digits[i], v, fraction);
            }
        }
        return out;
    }

    private static String positionalText(BigDecimal d, double v, int fraction) {
        String plain = d.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
        return sign + whole + "." + frac + " ".repeat(fraction - frac.length());
    }

    private static String scientificText(BigDecimal d, double v, int fraction) {
        if (v == 0) {
            return (1 / v < 0 ? "-" : "") + "0." + "0".repeat(fraction) + "e+00";
        }
        BigDecimal a = d.abs();
        int exponent = a.precision() - a.scale() - 1;
        String mantissa = a.unscaledValue().toString();
        String frac = mantissa.length() > 1 ? mantissa.substring(1) : "";
        frac = frac + "0".repeat(Math.max(0, fraction - frac.length()));
        String exp = String.format(java.util.Locale.ROOT, "%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        return (v < 0 ? "-" : "") + mantissa.charAt(0) + "." + frac + "e" + exp;
    }
}
