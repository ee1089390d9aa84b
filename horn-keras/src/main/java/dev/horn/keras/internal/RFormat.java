package dev.horn.keras.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * R's {@code prettyNum(x, big.mark = ",", digits = d, scientific = FALSE)} for one double, as
 * R keras prints a training history: the fewest decimals (at most enough for {@code d}
 * significant digits) that show the value rounded to {@code d} significant digits, so 0.010110
 * prints {@code 0.01011}, 0.99720001 {@code 0.9972} and 0.5 {@code 0.5}; every integer digit
 * is kept (12345.6 prints {@code 12,346}); digits are grouped by three with commas.
 */
public final class RFormat {
    private RFormat() {
    }

    public static String prettyNum(double x, int digits) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(x);
        // decimals needed: those of the value rounded to `digits` significant digits, trailing zeros dropped
        BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int decimals = Math.max(0, rounded.scale());
        String fixed = exact.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return groupThousands(fixed);
    }

    private static String groupThousands(String fixed) {
        int sign = fixed.startsWith("-") ? 1 : 0;
        int point = fixed.indexOf('.');
        int end = point < 0 ? fixed.length() : point;
        StringBuilder s = new StringBuilder(fixed.substring(0, sign));
        String integer = fixed.substring(sign, end);
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(integer.charAt(i));
        }
        return s.append(fixed.substring(end)).toString();
    }
}
