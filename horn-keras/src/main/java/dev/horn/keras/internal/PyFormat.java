package dev.horn.keras.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code format(x, ".Nf")} and {@code format(x, ".Ne")} for doubles, digit for digit:
 * the exact binary value rounded half-to-even, as C's printf does ({@link String#format} rounds
 * half-up on the shortest decimal instead, so {@code 2.5} would print {@code 3} rather than
 * Python's {@code 2}).
 */
public final class PyFormat {
    private PyFormat() {
    }

    /** {@code f"{x:.{digits}f}"}. */
    public static String fixed(double x, int digits) {
        String special = special(x);
        if (special != null) {
            return special;
        }
        String s = new BigDecimal(Math.abs(x)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative(x) ? "-" + s : s;
    }

    /** {@code f"{x:.{digits}e}"}: one digit, a point, {@code digits} digits, {@code e}, a sign and at least two exponent digits. */
    public static String exponent(double x, int digits) {
        String special = special(x);
        if (special != null) {
            return special;
        }
        String mantissa;
        int exp;
        if (x == 0) {
            mantissa = BigDecimal.ZERO.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(x)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
            exp = r.precision() - r.scale() - 1;
            mantissa = r.movePointLeft(exp).setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
        }
        String e = String.valueOf(Math.abs(exp));
        return (negative(x) ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    private static boolean negative(double x) {
        return x < 0 || (x == 0 && 1 / x < 0);
    }

    private static String special(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return null;
    }
}
